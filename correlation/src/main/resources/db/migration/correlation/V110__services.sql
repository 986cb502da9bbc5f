-- Business services: the CIs they are made of, how they depend on each other, and their health over time,
-- owned by the correlation module (a service's health is the events seen through its part of the graph).

CREATE TABLE service (
    id                text PRIMARY KEY,
    name              text        NOT NULL,
    description       text,
    criticality       text        NOT NULL CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
    sla_availability  text,
    sla_response_time text,
    -- the current health, as the last row of service_health_change says it
    health_status     text        NOT NULL DEFAULT 'healthy' CHECK (health_status IN ('healthy', 'degraded', 'down')),
    health_score      double precision NOT NULL DEFAULT 100,
    health_reasons    jsonb       NOT NULL DEFAULT '[]',
    health_since      timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE UNIQUE INDEX service_name_key ON service (lower(name));

CREATE TABLE service_component (
    service_id text NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    ci_id      text NOT NULL,
    role       text,
    position   integer NOT NULL,
    PRIMARY KEY (service_id, ci_id)
);

CREATE INDEX service_component_ci_idx ON service_component (ci_id);

-- service_id depends on depends_on: depends_on is upstream
CREATE TABLE service_dependency (
    service_id text        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    depends_on text        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    type       text        NOT NULL CHECK (type IN ('required', 'optional')),
    impact     text        NOT NULL CHECK (impact IN ('full_outage', 'degraded_functionality')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (service_id, depends_on),
    CHECK (service_id <> depends_on)
);

CREATE INDEX service_dependency_upstream_idx ON service_dependency (depends_on);

-- Each service's health as a step function of time: a row where it changed. Rows from a time on are
-- rewritten when events dated from then on arrive or change (a backfill reaches into the past).
CREATE TABLE service_health_change (
    service_id text             NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    at         timestamptz      NOT NULL,
    status     text             NOT NULL CHECK (status IN ('healthy', 'degraded', 'down')),
    score      double precision NOT NULL,
    reasons    jsonb            NOT NULL DEFAULT '[]',
    PRIMARY KEY (service_id, at)
);

-- How far the health monitor has read the outbox (one row): moved in the transaction that records what it read
CREATE TABLE service_health_cursor (
    id  integer PRIMARY KEY CHECK (id = 1),
    xid bigint  NOT NULL,
    seq bigint  NOT NULL
);

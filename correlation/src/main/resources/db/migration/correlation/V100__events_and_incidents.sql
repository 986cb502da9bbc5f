-- Events (alerts from monitoring and applications) and the incidents they are grouped into. The correlation
-- module owns these tables (its version block: V100-V199).

CREATE TABLE incident (
    id              text PRIMARY KEY,
    title           text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved', 'merged')),
    severity        text        NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    started_at      timestamptz NOT NULL,
    last_event_at   timestamptz NOT NULL,
    event_count     integer     NOT NULL DEFAULT 0,
    root_ci_id      text,
    root_confidence double precision,
    -- ranked root-cause candidates with their evidence, as the correlator last computed them
    root_cause      jsonb       NOT NULL DEFAULT '[]',
    merged_into     text REFERENCES incident (id),
    -- a person moved events in or out, or merged it: the correlator no longer merges it by itself
    manually_grouped boolean    NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by text,
    -- set when it was resolved (by a person, or by its last open event being resolved): from then on it takes
    -- no new event, whatever that event's time
    resolved_at     timestamptz,
    resolved_by     text,
    revision        bigint      NOT NULL DEFAULT 1
);

CREATE INDEX incident_started_idx ON incident (started_at DESC, id);
CREATE INDEX incident_status_started_idx ON incident (status, started_at DESC, id);

-- The CIs of each incident, with when each first alerted in it: kept apart from the incident's row, so that
-- an event joining an incident of a thousand CIs writes the one CI it adds, not the thousand again.
CREATE TABLE incident_ci (
    incident_id text        NOT NULL,
    ci_id       text        NOT NULL,
    first_at    timestamptz NOT NULL,
    PRIMARY KEY (incident_id, ci_id)
);
CREATE INDEX incident_ci_ci_idx ON incident_ci (ci_id);

CREATE TABLE event (
    id            text PRIMARY KEY,
    title         text        NOT NULL,
    description   text,
    severity      text        NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    status        text        NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    source        text        NOT NULL,
    source_id     text,
    fingerprint   text        NOT NULL,
    -- what de-duplication matches on besides source + source_id: the fingerprint when one was given or when
    -- the event has no source_id of its own; null otherwise
    dedupe_key    text,
    affected_cis  text[]      NOT NULL DEFAULT '{}',
    metrics       jsonb       NOT NULL DEFAULT '{}',
    labels        jsonb       NOT NULL DEFAULT '{}',
    annotations   jsonb       NOT NULL DEFAULT '{}',
    count         integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL,
    last_seen     timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    resolved_at   timestamptz,
    created_by    text,
    search        tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || coalesce(description, ''))) STORED
);

-- de-duplication holds only while the earlier event is open or acknowledged, race-free through these
CREATE UNIQUE INDEX event_active_source_key ON event (source, source_id)
    WHERE source_id IS NOT NULL AND status <> 'resolved';
CREATE UNIQUE INDEX event_active_dedupe_key ON event (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND status <> 'resolved';

CREATE INDEX event_source_id_idx ON event (source, source_id);
CREATE INDEX event_created_idx ON event (created_at DESC, id);
CREATE INDEX event_status_created_idx ON event (status, created_at DESC, id);
CREATE INDEX event_severity_created_idx ON event (severity, created_at DESC, id);
CREATE INDEX event_source_created_idx ON event (source, created_at DESC, id);
CREATE INDEX event_affected_cis_idx ON event USING gin (affected_cis);
CREATE INDEX event_search_idx ON event USING gin (search);

-- Where the correlator put each event, kept apart from the event so that placing and moving events never
-- rewrites the event's row and its many indexes.
--
-- The tables written once or more per event (this one, the queue, the status history) have no foreign keys:
-- checking one locks the referenced event or incident row (FOR KEY SHARE), which rewrites that row's header
-- and logs it, once per insert, on the path the correlator's latency depends on. This module alone writes
-- them, always with their event in hand.
CREATE TABLE event_incident (
    event_id    text        PRIMARY KEY,
    incident_id text        NOT NULL,
    -- placed by a person: the correlator never moves it
    pinned      boolean     NOT NULL DEFAULT false,
    placed_at   timestamptz NOT NULL
);
CREATE INDEX event_incident_incident_idx ON event_incident (incident_id);

-- The events intake took in and the correlator has not placed yet, in intake order.
CREATE TABLE correlation_queue (
    seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id text NOT NULL
);

-- an event with the incident it is in (null for the moment between intake and correlation)
CREATE VIEW event_with_incident AS
    SELECT e.*, ei.incident_id, ei.pinned FROM event e LEFT JOIN event_incident ei ON ei.event_id = e.id;

-- how events' statuses changed after intake; intake itself, the first step, is read from the event
CREATE TABLE event_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    comment     text,
    actor       text,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX event_status_change_event_idx ON event_status_change (event_id, id);

-- what people did to incidents (status changes, merges, moves), for the timeline
CREATE TABLE incident_activity (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id text        NOT NULL REFERENCES incident (id),
    kind        text        NOT NULL,
    actor       text,
    at          timestamptz NOT NULL,
    detail      jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX incident_activity_incident_idx ON incident_activity (incident_id, id);

-- operators' corrections as labelled pairs of events (same incident or not) with the pair's features when
-- the label was given; the pair model is fitted on them
CREATE TABLE correlation_label (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_a    text             NOT NULL,
    event_b    text             NOT NULL,
    same       boolean          NOT NULL,
    features   double precision[] NOT NULL,
    actor      text,
    reason     text             NOT NULL,
    created_at timestamptz      NOT NULL
);

-- one row: raised by every change people make to the grouping (status, merge, move), so the correlator,
-- which keeps open incidents in memory, knows to read them again
CREATE TABLE correlation_state (
    id               integer PRIMARY KEY CHECK (id = 1),
    grouping_version bigint NOT NULL
);
INSERT INTO correlation_state (id, grouping_version) VALUES (1, 0);

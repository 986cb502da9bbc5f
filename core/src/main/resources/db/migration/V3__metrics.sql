-- Metric samples: one series per (CI, metric, labels), samples in daily partitions, hourly roll-ups in
-- monthly partitions. Partitions are created on demand by metric_ensure_partitions and dropped by the
-- retention job, so old data goes away without DELETE and VACUUM.

CREATE TABLE metric_series (
    id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ci_id  text  NOT NULL REFERENCES configuration_item (id) ON DELETE CASCADE,
    metric text  NOT NULL,
    labels jsonb NOT NULL DEFAULT '{}',
    CONSTRAINT metric_series_key UNIQUE (ci_id, metric, labels)
);
CREATE INDEX metric_series_metric_idx ON metric_series (metric, ci_id);

-- Narrow on purpose (series id, time, value): ~40 bytes a row. The primary key makes writes idempotent.
CREATE TABLE metric_sample (
    series_id integer          NOT NULL,
    ts        timestamptz      NOT NULL,
    value     double precision NOT NULL,
    PRIMARY KEY (series_id, ts)
) PARTITION BY RANGE (ts);

-- One row per series and hour. The key carries every aggregate, so long windows over many series are
-- index-only scans read in series/time order, whatever order the rows arrived in.
CREATE TABLE metric_hourly (
    series_id  integer          NOT NULL,
    hour       timestamptz      NOT NULL,
    count      integer          NOT NULL,
    min        double precision NOT NULL,
    max        double precision NOT NULL,
    sum        double precision NOT NULL,
    last_ts    timestamptz      NOT NULL,
    last_value double precision NOT NULL,
    PRIMARY KEY (series_id, hour) INCLUDE (count, min, max, sum, last_value)
) PARTITION BY RANGE (hour);

-- Creates the daily sample partitions and monthly roll-up partitions covering [from_ts, to_ts].
-- Serialised by an advisory lock so concurrent writers never race on the same CREATE TABLE.
CREATE FUNCTION metric_ensure_partitions(from_ts timestamptz, to_ts timestamptz) RETURNS integer
    LANGUAGE plpgsql AS
$$
DECLARE
    d       date := (from_ts AT TIME ZONE 'UTC')::date;
    m       date := date_trunc('month', from_ts AT TIME ZONE 'UTC')::date;
    created integer := 0;
    name    text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('nopesight.metric_partitions'));
    WHILE d <= (to_ts AT TIME ZONE 'UTC')::date LOOP
        name := 'metric_sample_' || to_char(d, 'YYYYMMDD');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF metric_sample FOR VALUES FROM (%L) TO (%L)',
                           name, d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        d := d + 1;
    END LOOP;
    WHILE m <= (to_ts AT TIME ZONE 'UTC')::date LOOP
        name := 'metric_hourly_' || to_char(m, 'YYYYMM');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF metric_hourly FOR VALUES FROM (%L) TO (%L)',
                           name, m::timestamp AT TIME ZONE 'UTC',
                           (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
    RETURN created;
END
$$;

-- Uploaded import files and their progress. The row and the file are durable before the API answers
-- 202; rows_* are updated in each chunk's transaction, so they always match what is stored.
CREATE TABLE metric_import (
    id            text PRIMARY KEY,
    format        text        NOT NULL CHECK (format IN ('csv', 'prometheus')),
    file          text        NOT NULL,
    gzip          boolean     NOT NULL,
    default_ci    text,
    status        text        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_written  bigint      NOT NULL DEFAULT 0,
    rows_skipped  bigint      NOT NULL DEFAULT 0,
    error         text,
    created_by    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    claimed_by    text,
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX metric_import_running_idx ON metric_import (heartbeat_at) WHERE status = 'running';

-- The first skipped rows of an import and why (the count of all of them is metric_import.rows_skipped).
CREATE TABLE metric_import_skip (
    import_id text    NOT NULL REFERENCES metric_import (id) ON DELETE CASCADE,
    line      bigint  NOT NULL,
    reason    text    NOT NULL,
    PRIMARY KEY (import_id, line)
);

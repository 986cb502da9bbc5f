-- Reports (issue 16). A request is a row here and a work item of kind 'report' (core's queue, claimed with
-- FOR UPDATE SKIP LOCKED), so queued reports survive a restart and any node's worker may render them.

-- What runs when: a cron expression or a simple period (daily, weekly, monthly at a local time), both read
-- in the wall-clock time of time_zone. next_run_at is worked out by the application, not Quartz, so that
-- a time the clocks skip still runs (see ScheduleTiming); a clustered Quartz job claims the due rows.
CREATE TABLE report_schedule (
    id              text PRIMARY KEY,
    name            text        NOT NULL,
    template_id     text        NOT NULL,
    parameters      jsonb       NOT NULL DEFAULT '{}',
    format          text        NOT NULL,
    cron            text,
    frequency       text CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    at_time         text,
    day_of_week     text,
    day_of_month    smallint CHECK (day_of_month BETWEEN 1 AND 31),
    time_zone       text        NOT NULL,
    delivery_method text CHECK (delivery_method IN ('email', 'download')),
    recipients      text[]      NOT NULL DEFAULT '{}',
    skip_if_empty   boolean     NOT NULL DEFAULT false,
    shared          boolean     NOT NULL DEFAULT false,
    enabled         boolean     NOT NULL DEFAULT true,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    next_run_at     timestamptz,
    last_run_at     timestamptz,
    last_report_id  text,
    last_error      text,
    CONSTRAINT report_schedule_timing CHECK ((cron IS NULL) <> (frequency IS NULL))
);
CREATE INDEX report_schedule_due_idx ON report_schedule (next_run_at) WHERE enabled;
CREATE INDEX report_schedule_list_idx ON report_schedule (created_by, created_at DESC, id);

CREATE TABLE report (
    id                   text PRIMARY KEY,
    template_id          text        NOT NULL,
    template_name        text        NOT NULL,
    category             text        NOT NULL,
    format               text        NOT NULL,
    parameters           jsonb       NOT NULL DEFAULT '{}',
    time_zone            text        NOT NULL,
    as_of                timestamptz NOT NULL,
    status               text        NOT NULL CHECK (status IN ('generating', 'completed', 'failed', 'expired')),
    created_by           text        NOT NULL,
    shared               boolean     NOT NULL DEFAULT false,
    delivery_method      text CHECK (delivery_method IN ('email', 'download')),
    skip_if_empty        boolean     NOT NULL DEFAULT false,
    schedule_id          text REFERENCES report_schedule (id) ON DELETE SET NULL,
    scheduled_for        timestamptz,
    created_at           timestamptz NOT NULL,
    estimated_completion timestamptz NOT NULL,
    started_at           timestamptz,
    completed_at         timestamptz,
    expires_at           timestamptz,
    pages                integer,
    row_count            bigint,
    empty                boolean,
    size_bytes           bigint,
    file_name            text,
    error                text,
    -- one report per scheduled run, however many times its fire is looked at
    CONSTRAINT report_schedule_run_key UNIQUE (schedule_id, scheduled_for)
);
CREATE INDEX report_list_idx ON report (created_at DESC, id DESC);
CREATE INDEX report_created_by_idx ON report (created_by, created_at DESC);
CREATE INDEX report_expiry_idx ON report (expires_at) WHERE status = 'completed';
CREATE INDEX report_duration_idx ON report (template_id, completed_at DESC) WHERE started_at IS NOT NULL;

-- The rendered file, in pieces of up to 1 MiB, in PostgreSQL rather than one node's data folder: any node
-- serves the download and sends the mail, whichever rendered it. PDF and XLSX are compressed already.
CREATE TABLE report_content (
    report_id text    NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    piece     integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (report_id, piece)
);
ALTER TABLE report_content ALTER COLUMN data SET STORAGE EXTERNAL;

-- One row per recipient: pending (next_attempt_at NULL while the report renders; a claim moves it a lease
-- ahead, a failure a back-off ahead), then sent, failed (attempts used up) or skipped (empty report).
CREATE TABLE report_delivery (
    id              text PRIMARY KEY,
    report_id       text        NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    recipient       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    mode            text CHECK (mode IN ('attached', 'linked')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    sent_at         timestamptz,
    error           text,
    CONSTRAINT report_delivery_recipient_key UNIQUE (report_id, recipient)
);
CREATE INDEX report_delivery_due_idx ON report_delivery (next_attempt_at) WHERE status = 'pending';

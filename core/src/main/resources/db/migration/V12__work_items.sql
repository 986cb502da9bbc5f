-- Background work shared by every node (scan jobs, metric imports, later reports and deliveries). A node
-- claims an item with FOR UPDATE SKIP LOCKED under a lease it keeps renewing; an item whose lease ran out
-- (its node died) is claimed again by any node, and a node that stops gracefully puts its items back.
CREATE TABLE work_item (
    id               text PRIMARY KEY,
    kind             text        NOT NULL,
    subject_id       text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    lease_owner      text,
    claimed_by       text,
    lease_expires_at timestamptz,
    available_at     timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    error            text,
    CONSTRAINT work_item_subject_key UNIQUE (kind, subject_id),
    -- a lease exactly while running, so a claimable item is either queued or running with a lapsed lease
    CONSTRAINT work_item_lease CHECK ((status = 'running') = (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
CREATE INDEX work_item_open_idx ON work_item (kind, created_at, id) WHERE status IN ('queued', 'running');

-- Scans and imports not finished at the upgrade go on through the queue.
INSERT INTO work_item (id, kind, subject_id, status, created_at)
SELECT 'work_' || md5(id), 'discovery-scan', id, 'queued', received_at
FROM discovery_scan WHERE status IN ('queued', 'running');
INSERT INTO work_item (id, kind, subject_id, status, created_at)
SELECT 'work_' || md5(id), 'metric-import', id, 'queued', created_at
FROM metric_import WHERE status = 'running';

DROP INDEX discovery_scan_unfinished_idx;
DROP INDEX metric_import_running_idx;
ALTER TABLE metric_import DROP COLUMN claimed_by, DROP COLUMN heartbeat_at;

-- Uploaded import files live in PostgreSQL, not on one node's disk, so any node can run (or finish) an
-- import; in pieces of up to 1 MiB, already compressed when the client sent gzip, so not compressed again.
ALTER TABLE metric_import ALTER COLUMN file DROP NOT NULL;
CREATE TABLE metric_import_content (
    import_id text    NOT NULL REFERENCES metric_import (id) ON DELETE CASCADE,
    piece     integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (import_id, piece)
);
ALTER TABLE metric_import_content ALTER COLUMN data SET STORAGE EXTERNAL;

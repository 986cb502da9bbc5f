-- Discovery: scans as received, what each scan did to the CMDB, and the process connections agents report.

CREATE TABLE discovery_scan (
    id            text PRIMARY KEY,
    scan_type     text        NOT NULL CHECK (scan_type IN ('network', 'process')),
    scanner_id    text        NOT NULL,
    format        text        NOT NULL CHECK (format IN ('json', 'nmap_xml')),
    payload       bytea       NOT NULL,
    scanned_at    timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    submitted_by  text        NOT NULL,
    received_at   timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    hosts_seen    integer     NOT NULL DEFAULT 0,
    cis_created   integer     NOT NULL DEFAULT 0,
    cis_updated   integer     NOT NULL DEFAULT 0,
    cis_unchanged integer     NOT NULL DEFAULT 0,
    conflicts     integer     NOT NULL DEFAULT 0,
    error         text
);
CREATE INDEX discovery_scan_received_idx ON discovery_scan (received_at DESC, id);
CREATE INDEX discovery_scan_scanner_idx ON discovery_scan (scanner_id, received_at DESC);
CREATE INDEX discovery_scan_unfinished_idx ON discovery_scan (received_at) WHERE status IN ('queued', 'running');

-- A host a rule matched to several CIs: recorded, never merged.
CREATE TABLE discovery_conflict (
    scan_id    text    NOT NULL REFERENCES discovery_scan (id) ON DELETE CASCADE,
    host_index integer NOT NULL,
    rule       text    NOT NULL,
    host       jsonb   NOT NULL,
    ci_ids     text[]  NOT NULL,
    PRIMARY KEY (scan_id, host_index)
);

-- What the identification rules look up, so a chunk of hosts finds its candidates with one query.
CREATE INDEX configuration_item_serial_idx ON configuration_item (lower(attributes ->> 'serial_number'));
CREATE INDEX configuration_item_mac_idx ON configuration_item (upper(attributes ->> 'mac_address'));
-- Identification looks up a thousand addresses per chunk while the chunk inserts CIs: with GIN's pending
-- list every lookup rescans all recent inserts (1.5 ms each instead of 0.01 ms), so entries go straight in.
ALTER INDEX configuration_item_ip_idx SET (fastupdate = off);
CREATE INDEX configuration_item_host_label_idx ON configuration_item (lower(split_part(name, '.', 1)));
CREATE INDEX configuration_item_hostname_label_idx
    ON configuration_item (lower(split_part(attributes ->> 'hostname', '.', 1)));

-- Connections as agents saw them; the same observation sent twice is stored once.
CREATE TABLE process_connection (
    ci_id        text        NOT NULL REFERENCES configuration_item (id) ON DELETE CASCADE,
    process_name text        NOT NULL,
    pid          integer,
    local_ip     text        NOT NULL,
    local_port   integer     NOT NULL,
    remote_ip    text        NOT NULL,
    remote_port  integer     NOT NULL,
    protocol     text        NOT NULL,
    state        text,
    observed_at  timestamptz NOT NULL,
    scan_id      text        NOT NULL,
    PRIMARY KEY (ci_id, process_name, local_ip, local_port, remote_ip, remote_port, protocol, observed_at)
);
CREATE INDEX process_connection_remote_idx ON process_connection (remote_ip, remote_port);

CREATE TABLE listening_process (
    ci_id        text        NOT NULL REFERENCES configuration_item (id) ON DELETE CASCADE,
    port         integer     NOT NULL,
    protocol     text        NOT NULL,
    process_name text        NOT NULL,
    pid          integer,
    description  text,
    observed_at  timestamptz NOT NULL,
    PRIMARY KEY (ci_id, port, protocol)
);

-- Agents report a host's connections scan after scan, and each sighting is a row: kept forever, the table
-- grows with every scan of every host, and so do the per-host reads. Daily partitions let retention drop
-- whole days (nopesight.discovery.connection-retention) instead of deleting rows. The primary key already
-- ends in observed_at, so it stays the same; existing rows move over.
ALTER TABLE process_connection RENAME TO process_connection_v10;
ALTER TABLE process_connection_v10 RENAME CONSTRAINT process_connection_pkey TO process_connection_v10_pkey;
ALTER INDEX process_connection_remote_ip_idx RENAME TO process_connection_v10_remote_ip_idx;

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
) PARTITION BY RANGE (observed_at);
CREATE INDEX process_connection_remote_ip_idx ON process_connection (remote_ip);

-- Creates the missing partitions of the given UTC days (the distinct days of a batch: its observations may
-- be far apart, and a range would create every day between). Serialised, so concurrent scans do not race to
-- create the same one; callers run it in a transaction of its own, before their insert.
CREATE FUNCTION process_connection_ensure_partitions(days date[]) RETURNS integer
    LANGUAGE plpgsql AS
$$
DECLARE
    d       date;
    created integer := 0;
    name    text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('nopesight.process_connection_partitions'));
    FOREACH d IN ARRAY days LOOP
        name := 'process_connection_' || to_char(d, 'YYYYMMDD');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF process_connection FOR VALUES FROM (%L) TO (%L)',
                           name, d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;

-- Drops the day partitions that end at or before the cut-off; returns their names.
CREATE FUNCTION process_connection_drop_partitions(cutoff timestamptz) RETURNS SETOF text
    LANGUAGE plpgsql AS
$$
DECLARE
    name text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('nopesight.process_connection_partitions'));
    FOR name IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = to_regclass('process_connection')
          AND c.relname ~ '^process_connection_[0-9]{8}$'
          AND (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC' <= cutoff
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE %I', name);
        RETURN NEXT name;
    END LOOP;
END
$$;

SELECT process_connection_ensure_partitions(array_agg(DISTINCT (observed_at AT TIME ZONE 'UTC')::date))
FROM process_connection_v10 HAVING count(*) > 0;
INSERT INTO process_connection (ci_id, process_name, pid, local_ip, local_port, remote_ip, remote_port, protocol,
                                state, observed_at, scan_id)
SELECT ci_id, process_name, pid, local_ip, local_port, remote_ip, remote_port, protocol, state, observed_at, scan_id
FROM process_connection_v10;
DROP TABLE process_connection_v10;

-- Dependency inference read: what inference reads after one host's process scan (the INVOLVING statement of
-- JdbcProcessConnectionRepository: the host's own sightings and what other agents saw towards its addresses)
-- in a process_connection table of 1 000 000 sightings, against reading every sighting (what inference did
-- before it weighed only the edges of the reporting host). Run it against any database NopeSight has
-- migrated, e.g. the embedded one whose port the start-up log names:
--   psql -h 127.0.0.1 -p <port> -U postgres -d postgres -f bench/inference-read.sql
-- Everything happens in one transaction that is rolled back: the database is left as it was.
\set ON_ERROR_STOP on
\set QUIET on
\pset pager off
BEGIN;
\o /dev/null

-- 2 500 hosts at 10.200.<i / 250>.<i % 250>
INSERT INTO configuration_item (id, name, type, status, attributes, created_at, updated_at)
SELECT 'ci_bench_' || i, 'bench-host-' || i, 'server', 'active',
       jsonb_build_object('ip_address', '10.200.' || (i / 250) || '.' || (i % 250)), now(), now()
FROM generate_series(0, 2499) AS i;

SELECT process_connection_ensure_partitions(ARRAY(SELECT current_date - d FROM generate_series(0, 10) AS d));

-- 1 000 000 sightings over the last 10 days: each host reports 400, and 400 others point at it
INSERT INTO process_connection (ci_id, process_name, pid, local_ip, local_port, remote_ip, remote_port, protocol,
                                state, observed_at, scan_id)
SELECT 'ci_bench_' || src, 'java', 4873, '10.200.' || (src / 250) || '.' || (src % 250), 32768 + n % 28000,
       '10.200.' || (dst / 250) || '.' || (dst % 250), 5432, 'TCP', 'ESTABLISHED',
       now() - (n % 864000) * interval '1 second', 'bench'
FROM generate_series(0, 999999) AS n,
     LATERAL (SELECT n % 2500 AS src, (n % 2500 + 1 + (n / 2500) % 2499) % 2500 AS dst) AS pair;
ANALYZE configuration_item;
ANALYZE process_connection;
ANALYZE listening_process;
\o

-- server-side execution time (EXPLAIN ANALYZE) and rows of a statement; run numbers the calls, so that each
-- row of generate_series runs it again
CREATE FUNCTION pg_temp.explained(statement text, run integer) RETURNS TABLE (ms numeric, rows bigint)
    LANGUAGE plpgsql AS
$$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || statement INTO plan;
    RETURN QUERY SELECT round((plan -> 0 ->> 'Execution Time')::numeric, 1), (plan -> 0 -> 'Plan' ->> 'Actual Rows')::bigint;
END
$$;

\set involving 'SELECT c.ci_id, c.process_name, c.local_ip, c.local_port, c.remote_ip, c.remote_port, c.protocol, c.observed_at, l.process_name AS local_listener FROM (SELECT * FROM process_connection WHERE ci_id = ''ci_bench_42'' UNION ALL SELECT * FROM process_connection WHERE remote_ip = ANY(ARRAY(SELECT unnest(ip_addresses) FROM configuration_item WHERE id = ''ci_bench_42'')) AND ci_id <> ''ci_bench_42'') c LEFT JOIN listening_process l ON l.ci_id = c.ci_id AND l.port = c.local_port AND l.protocol = c.protocol ORDER BY c.ci_id, c.observed_at'
\set everything 'SELECT c.ci_id, c.process_name, c.local_ip, c.local_port, c.remote_ip, c.remote_port, c.protocol, c.observed_at, l.process_name AS local_listener FROM process_connection c LEFT JOIN listening_process l ON l.ci_id = c.ci_id AND l.port = c.local_port AND l.protocol = c.protocol ORDER BY c.ci_id, c.observed_at'

-- five runs of each, in the server (no network, no client)
SELECT read, min(rows) AS rows, percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS median_ms, min(ms) AS best_ms
FROM (SELECT 'one host (the inference read)' AS read, e.* FROM generate_series(1, 5) AS run, pg_temp.explained(:'involving', run) AS e
      UNION ALL
      SELECT 'every sighting (baseline)', e.* FROM generate_series(1, 5) AS run, pg_temp.explained(:'everything', run) AS e) AS runs
GROUP BY read ORDER BY median_ms;

ROLLBACK;

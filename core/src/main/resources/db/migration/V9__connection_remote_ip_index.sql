-- Dependency inference now reads only the edges of the host a process scan came from: its own connections
-- (by the primary key's leading ci_id) and those other agents saw towards its addresses, found here. Reading
-- every connection on every scan (why V8 could drop the remote index) grew with the whole estate's traffic.
CREATE INDEX process_connection_remote_ip_idx ON process_connection (remote_ip);

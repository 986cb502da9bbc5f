-- No query looks process connections up by remote address (the views group a CI's own connections, found by
-- the primary key's leading ci_id; inference reads them all), so this index was only upkeep on every
-- process scan's insert.
DROP INDEX IF EXISTS process_connection_remote_idx;

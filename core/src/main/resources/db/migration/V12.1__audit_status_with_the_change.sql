-- An audit entry is now stored inside the transaction of the change it records, before the answer's status
-- is known; the status is added once the answer is ready, so an entry whose node stopped in between has none.
ALTER TABLE audit_log ALTER COLUMN status DROP NOT NULL;

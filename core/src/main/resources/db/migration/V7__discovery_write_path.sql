-- Discovery writes every CI it sees; each write pays for every index on configuration_item.
-- (IF EXISTS: other branches' migrations may reshape the same table's indexes. Adding the stored columns
-- rewrites the table once, under an exclusive lock: seconds for 100 000 CIs.)

-- Nothing queries attributes or custom_fields by containment (@>, ?, jsonb_path_*): search is Lucene,
-- find-by-ip reads the ip_addresses GIN, identification reads its own keys (below), and the API has no
-- attribute filters. The two jsonb_path_ops GINs were kept up to date for no reader, and the attributes
-- one alone was about half the time of a discovery UPDATE (an entry per key path of every changed row).
-- A lookup by an attribute that needs an index should get a narrow key of its own, as identification has.
DROP INDEX IF EXISTS configuration_item_attributes_idx;
DROP INDEX IF EXISTS configuration_item_custom_fields_idx;

-- A re-scan mostly re-confirms hosts: only attributes.last_seen moves. PostgreSQL can then write the new
-- row version beside the old one without touching any index (a HOT update), but only if no index refers
-- to a changed column. The identification keys were expression indexes over attributes, so any change
-- of attributes meant a new entry in every index of the table. As stored generated columns they are
-- compared by value: a write that leaves them (and updated_at) alone needs no index entry at all.
DROP INDEX IF EXISTS configuration_item_serial_idx;
DROP INDEX IF EXISTS configuration_item_mac_idx;
DROP INDEX IF EXISTS configuration_item_hostname_label_idx;
-- room on each page for the new versions of re-confirmed rows (applies to the rewrite below as well)
ALTER TABLE configuration_item SET (fillfactor = 70);
ALTER TABLE configuration_item
    ADD COLUMN serial_key text GENERATED ALWAYS AS (lower(attributes ->> 'serial_number')) STORED,
    ADD COLUMN mac_key text GENERATED ALWAYS AS (upper(attributes ->> 'mac_address')) STORED,
    ADD COLUMN hostname_label text GENERATED ALWAYS AS (lower(split_part(attributes ->> 'hostname', '.', 1))) STORED;
CREATE INDEX configuration_item_serial_idx ON configuration_item (serial_key);
CREATE INDEX configuration_item_mac_idx ON configuration_item (mac_key);
CREATE INDEX configuration_item_hostname_label_idx ON configuration_item (hostname_label);

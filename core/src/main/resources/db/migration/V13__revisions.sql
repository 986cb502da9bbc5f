-- A revision per CI and relationship, raised by every change (not by discovery's sightings, which are not
-- changes), for conditional writes: ETag on reads and writes, If-Match on updates and deletes.
ALTER TABLE configuration_item ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE relationship ADD COLUMN revision bigint NOT NULL DEFAULT 1;

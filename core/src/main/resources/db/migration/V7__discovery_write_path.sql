-- Discovery writes every CI it sees; each write pays for every index on configuration_item.
--
-- Nothing queries attributes or custom_fields by containment (@>, ?, jsonb_path_*): search is Lucene,
-- find-by-ip reads the ip_addresses GIN, identification reads its own expression indexes (V5), and the
-- API has no attribute filters. The two jsonb_path_ops GINs were kept up to date for no reader, and
-- the attributes one alone was about half the time of a discovery UPDATE (an entry per key path of
-- every changed row). A lookup by an attribute that needs an index should get a narrow expression
-- index on that key, as identification does.
DROP INDEX configuration_item_attributes_idx;
DROP INDEX configuration_item_custom_fields_idx;

-- Configuration items, their relationships, and the change log that the search index and webhooks follow.

-- Every IP address a CI carries, wherever clients put it: attributes.ip_address, custom_fields.ip_address,
-- custom_fields."IP Address" and the array custom_fields.all_ip_addresses.
CREATE FUNCTION ci_ip_addresses(attributes jsonb, custom_fields jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT coalesce(array_agg(DISTINCT ip) FILTER (WHERE ip IS NOT NULL AND ip <> ''), '{}')
FROM (SELECT attributes ->> 'ip_address' AS ip
      UNION ALL SELECT custom_fields ->> 'ip_address'
      UNION ALL SELECT custom_fields ->> 'IP Address'
      UNION ALL SELECT jsonb_array_elements_text(
                  CASE WHEN jsonb_typeof(custom_fields -> 'all_ip_addresses') = 'array'
                       THEN custom_fields -> 'all_ip_addresses' ELSE '[]'::jsonb END)) AS ips(ip)
$$;

CREATE TABLE configuration_item (
    id            text PRIMARY KEY,
    name          text COLLATE "C" NOT NULL,
    type          text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]*$'),
    status        text        NOT NULL CHECK (status IN ('active', 'inactive', 'maintenance')),
    description   text,
    attributes    jsonb       NOT NULL DEFAULT '{}',
    custom_fields jsonb       NOT NULL DEFAULT '{}',
    ip_addresses  text[] GENERATED ALWAYS AS (ci_ip_addresses(attributes, custom_fields)) STORED,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    created_by    text,
    updated_by    text,
    CONSTRAINT configuration_item_type_name_key UNIQUE (type, name)
);

-- Paging reads a page boundary from one of these (an index-only walk), then the page itself by key.
-- Names sort case-insensitively, as people expect; the C collation keeps the order byte-wise and stable.
CREATE INDEX configuration_item_name_idx ON configuration_item (lower(name), id) INCLUDE (name);
CREATE INDEX configuration_item_created_idx ON configuration_item (created_at, id);
CREATE INDEX configuration_item_updated_idx ON configuration_item (updated_at, id);
CREATE INDEX configuration_item_type_name_idx ON configuration_item (type, lower(name), id) INCLUDE (name, status);
CREATE INDEX configuration_item_type_created_idx ON configuration_item (type, created_at, id) INCLUDE (status);
CREATE INDEX configuration_item_type_updated_idx ON configuration_item (type, updated_at, id) INCLUDE (status);
CREATE INDEX configuration_item_status_name_idx ON configuration_item (status, lower(name), id) INCLUDE (name);
CREATE INDEX configuration_item_status_created_idx ON configuration_item (status, created_at, id);
CREATE INDEX configuration_item_status_updated_idx ON configuration_item (status, updated_at, id);
CREATE INDEX configuration_item_ip_idx ON configuration_item USING gin (ip_addresses);
CREATE INDEX configuration_item_attributes_idx ON configuration_item USING gin (attributes jsonb_path_ops);
CREATE INDEX configuration_item_custom_fields_idx ON configuration_item USING gin (custom_fields jsonb_path_ops);

-- Totals per type and status, kept by statement triggers so a page never has to count its rows.
CREATE TABLE configuration_item_count (
    type   text   NOT NULL,
    status text   NOT NULL,
    n      bigint NOT NULL,
    PRIMARY KEY (type, status)
);

CREATE FUNCTION configuration_item_count_add() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO configuration_item_count AS c (type, status, n)
    SELECT type, status, count(*) FROM new_rows GROUP BY type, status ORDER BY type, status
    ON CONFLICT (type, status) DO UPDATE SET n = c.n + excluded.n;
    RETURN NULL;
END
$$;

CREATE FUNCTION configuration_item_count_remove() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE configuration_item_count c SET n = c.n - o.n
    FROM (SELECT type, status, count(*) AS n FROM old_rows GROUP BY type, status ORDER BY type, status) o
    WHERE c.type = o.type AND c.status = o.status;
    RETURN NULL;
END
$$;

CREATE FUNCTION configuration_item_count_move() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    WITH delta AS (
        SELECT type, status, sum(n) AS n
        FROM (SELECT o.type, o.status, -1 AS n FROM old_rows o JOIN new_rows nr ON nr.id = o.id
              WHERE (o.type, o.status) IS DISTINCT FROM (nr.type, nr.status)
              UNION ALL
              SELECT nr.type, nr.status, 1 FROM old_rows o JOIN new_rows nr ON nr.id = o.id
              WHERE (o.type, o.status) IS DISTINCT FROM (nr.type, nr.status)) d
        GROUP BY type, status ORDER BY type, status)
    INSERT INTO configuration_item_count AS c (type, status, n)
    SELECT type, status, n FROM delta
    ON CONFLICT (type, status) DO UPDATE SET n = c.n + excluded.n;
    RETURN NULL;
END
$$;

-- A version per CI type, raised by every statement that writes CIs of that type. Paging caches where
-- each 500th row of an ordering starts, and a cached boundary is only used while the versions of the types
-- it covers are unchanged (read in the same snapshot as the page).
CREATE TABLE configuration_item_version (
    type    text PRIMARY KEY,
    version bigint NOT NULL
);

CREATE FUNCTION configuration_item_version_bump() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO configuration_item_version AS v (type, version)
    SELECT type, 1 FROM (SELECT type FROM changed_rows GROUP BY type ORDER BY type) t
    ON CONFLICT (type) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER configuration_item_version_insert AFTER INSERT ON configuration_item
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION configuration_item_version_bump();
CREATE TRIGGER configuration_item_version_delete AFTER DELETE ON configuration_item
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION configuration_item_version_bump();
-- an update that moves a CI to another type bumps the old type through the delete-side view of the rows
CREATE TRIGGER configuration_item_version_update_new AFTER UPDATE ON configuration_item
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION configuration_item_version_bump();
CREATE TRIGGER configuration_item_version_update_old AFTER UPDATE ON configuration_item
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION configuration_item_version_bump();

CREATE TRIGGER configuration_item_count_insert AFTER INSERT ON configuration_item
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION configuration_item_count_add();
CREATE TRIGGER configuration_item_count_delete AFTER DELETE ON configuration_item
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION configuration_item_count_remove();
CREATE TRIGGER configuration_item_count_update AFTER UPDATE ON configuration_item
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION configuration_item_count_move();

CREATE TABLE relationship (
    id            text PRIMARY KEY,
    type          text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]*$'),
    source_id     text        NOT NULL REFERENCES configuration_item (id) ON DELETE CASCADE,
    target_id     text        NOT NULL REFERENCES configuration_item (id) ON DELETE CASCADE,
    attributes    jsonb       NOT NULL DEFAULT '{}',
    discovered_by text        NOT NULL DEFAULT 'manual',
    confidence    double precision NOT NULL DEFAULT 1.0 CHECK (confidence >= 0 AND confidence <= 1),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    created_by    text,
    CONSTRAINT relationship_source_target_type_key UNIQUE (source_id, target_id, type),
    CONSTRAINT relationship_not_to_itself CHECK (source_id <> target_id)
);
CREATE INDEX relationship_target_idx ON relationship (target_id, type);
CREATE INDEX relationship_type_idx ON relationship (type, created_at, id);
CREATE INDEX relationship_created_idx ON relationship (created_at, id);

-- Domain events written in the same transaction as the change (an outbox). xid orders them by commit
-- safety: a reader takes only rows whose transaction is older than every running one.
CREATE TABLE domain_event (
    seq          bigserial PRIMARY KEY,
    xid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_type   text        NOT NULL,
    aggregate_id text        NOT NULL,
    payload      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX domain_event_xid_idx ON domain_event (xid, seq);

CREATE TABLE access_token (
    id         text PRIMARY KEY,
    kind       text        NOT NULL,
    name       text        NOT NULL,
    owner      text        NOT NULL,
    token_hash text        NOT NULL UNIQUE,
    scopes     text[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    revoked_at timestamptz
);

-- Identifies this database's event stream, so a derived store (the search index) built against another
-- database, or an earlier one dropped and re-created, is noticed and rebuilt.
CREATE TABLE event_stream (
    id         text PRIMARY KEY DEFAULT gen_random_uuid()::text,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO event_stream DEFAULT VALUES;

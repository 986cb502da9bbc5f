-- Security (issue 3): token descriptions and creators, service accounts, shared rate-limit buckets and
-- the audit log of writes.

CREATE TABLE service_account (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    scopes      text[]      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text,
    deleted_at  timestamptz
);
-- a name may be reused once the account that had it is deleted
CREATE UNIQUE INDEX service_account_name_key ON service_account (name) WHERE deleted_at IS NULL;
CREATE INDEX service_account_created_idx ON service_account (created_at, id) WHERE deleted_at IS NULL;

ALTER TABLE access_token
    ADD COLUMN description        text,
    ADD COLUMN created_by         text,
    ADD COLUMN service_account_id text REFERENCES service_account (id);
CREATE INDEX access_token_kind_created_idx ON access_token (kind, created_at, id);
CREATE INDEX access_token_service_account_idx ON access_token (service_account_id, created_at, id)
    WHERE service_account_id IS NOT NULL;

-- Bucket4j's state per rate-limited token (its PostgreSQL proxy manager: SELECT ... FOR UPDATE on this row).
-- expires_at is epoch milliseconds, set by Bucket4j, after which a full bucket can be forgotten.
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    token_id    text,
    token_kind  text,
    method      text        NOT NULL,
    path        text        NOT NULL,
    route       text,
    status      integer     NOT NULL,
    request_id  text,
    target_id   text
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, occurred_at, id);

-- Nodes cache recognised tokens; any change to a stored token (revoked, expiry moved, scopes changed,
-- deleted) tells every node, through NOTIFY at commit, to drop its cache.
CREATE FUNCTION access_token_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('access_token_changed', current_schema());
    RETURN NULL;
END
$$;
CREATE TRIGGER access_token_changed AFTER UPDATE OR DELETE ON access_token
    FOR EACH STATEMENT EXECUTE FUNCTION access_token_changed();

-- Webhook endpoints: where changes are sent. The secret is kept in clear because each delivery is signed
-- with it; previous_secret also signs until previous_secret_until, so receivers can switch over.
CREATE TABLE webhook_endpoint (
    id                    text PRIMARY KEY,
    name                  text        NOT NULL,
    url                   text        NOT NULL,
    events                text[]      NOT NULL,
    headers               jsonb       NOT NULL DEFAULT '{}',
    active                boolean     NOT NULL,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    failing_since         timestamptz,
    disabled_reason       text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

-- How far webhook fan-out has read the outbox: one row, locked by the node that fans out.
CREATE TABLE webhook_cursor (
    id  int    PRIMARY KEY CHECK (id = 1),
    xid bigint NOT NULL,
    seq bigint NOT NULL
);

-- One message to one endpoint. The body is stored as sent, so every retry sends the same bytes under the
-- same webhook-id; seq orders deliveries of the same resource to the same endpoint.
CREATE TABLE webhook_delivery (
    id              text PRIMARY KEY,
    seq             bigserial   NOT NULL,
    endpoint_id     text        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_type      text        NOT NULL,
    resource_key    text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    claimed_by      text,
    lease_until     timestamptz,
    response_code   int,
    latency_ms      bigint,
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, seq) WHERE status = 'pending';
CREATE INDEX webhook_delivery_open_idx ON webhook_delivery (endpoint_id, resource_key, seq)
    WHERE status IN ('pending', 'delivering');
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, seq DESC);
CREATE INDEX webhook_delivery_finished_idx ON webhook_delivery (finished_at) WHERE finished_at IS NOT NULL;
-- what each endpoint has in flight (its cap) and what a dead node left behind, without walking the backlog
CREATE INDEX webhook_delivery_delivering_idx ON webhook_delivery (endpoint_id) WHERE status = 'delivering';

-- The agents' answers (one decision each) and what their capacity recommendations predicted, checked against
-- the metrics once data past the check time exists; owned by the analytics module. GET /v1/agents reads its
-- performance figures from here: decisions made, success rate (hits of checked predictions), mean confidence.

CREATE TABLE agent_decision (
    id         text PRIMARY KEY,
    agent_id   text        NOT NULL,
    question   text        NOT NULL,
    intents    text        NOT NULL,
    as_of      timestamptz NOT NULL,
    confidence double precision CHECK (confidence BETWEEN 0 AND 1),
    summary    text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX agent_decision_agent_idx ON agent_decision (agent_id);

-- one forecast point a recommendation rested on: the value and 80% interval at check_at (the start of a bucket
-- of step_seconds), and whether the forecast projected exhaustion within its horizon; actual is the bucket's
-- average once measured, hit whether it fell inside the interval
CREATE TABLE agent_prediction (
    decision_id          text        NOT NULL REFERENCES agent_decision (id) ON DELETE CASCADE,
    ci_id                text        NOT NULL,
    metric               text        NOT NULL,
    as_of                timestamptz NOT NULL,
    check_at             timestamptz NOT NULL,
    step_seconds         integer     NOT NULL CHECK (step_seconds > 0),
    expected             double precision NOT NULL,
    lower80              double precision NOT NULL,
    upper80              double precision NOT NULL,
    exhaustion_projected boolean     NOT NULL,
    actual               double precision,
    hit                  boolean,
    checked_at           timestamptz,
    -- the last time it was due but its bucket had no data: it is tried again after a while, not on every read
    tried_at             timestamptz,
    PRIMARY KEY (decision_id, ci_id, metric, check_at)
);

CREATE INDEX agent_prediction_pending_idx ON agent_prediction (check_at) WHERE checked_at IS NULL;

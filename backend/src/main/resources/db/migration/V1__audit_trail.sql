-- Append-only audit trail with a SHA-256 hash chain.
-- Each row stores the hash of the previous row (prev_hash) and its own hash over all its fields plus prev_hash,
-- so altering or removing any row breaks the chain from that row on (GET /api/audit/verify finds it).

CREATE TABLE audit_event (
    seq            BIGINT       PRIMARY KEY,
    event_time     TIMESTAMPTZ  NOT NULL,
    user_id        TEXT         NOT NULL,
    user_name      TEXT         NOT NULL,
    roles          TEXT         NOT NULL,
    action         TEXT         NOT NULL,
    resource_type  TEXT         NOT NULL,
    resource_id    TEXT,
    outcome        TEXT         NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
    request_id     TEXT,
    client_address TEXT,
    -- json (not jsonb) keeps the exact text that was hashed
    details        JSON         NOT NULL,
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL UNIQUE
);

CREATE INDEX audit_event_user_idx     ON audit_event (user_name, seq);
CREATE INDEX audit_event_action_idx   ON audit_event (action, seq);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_type, resource_id, seq);
CREATE INDEX audit_event_time_idx     ON audit_event (event_time);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

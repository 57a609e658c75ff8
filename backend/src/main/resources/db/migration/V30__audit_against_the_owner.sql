-- The audit trail holds against the portal's own database login (issue 16):
--   * migrations run as the owner role (delineo.db.owner-user); the portal runs as ${runtimeRole}, which may only
--     SELECT and INSERT on audit_event: no UPDATE, DELETE, TRUNCATE, ALTER or trigger control (only an owner may
--     ALTER a table or disable its triggers, and ${runtimeRole} owns nothing);
--   * events from now on are linked by HMAC-SHA256 with a key outside the database (chain_alg, key_id); events
--     written before this migration keep their SHA-256 links and verify as before.
-- Image reads are gathered per user, series and access window (issue 14); audit_access_window keeps the open windows
-- until their chained event is appended.

ALTER TABLE audit_event ADD COLUMN chain_alg TEXT NOT NULL DEFAULT 'SHA-256'
    CHECK (chain_alg IN ('SHA-256', 'HMAC-SHA256'));
ALTER TABLE audit_event ADD COLUMN key_id TEXT;
-- every new event names its algorithm explicitly
ALTER TABLE audit_event ALTER COLUMN chain_alg DROP DEFAULT;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_keyed_has_key_id
    CHECK ((chain_alg = 'HMAC-SHA256') = (key_id IS NOT NULL));

CREATE TABLE audit_access_window (
    user_id        TEXT        NOT NULL,
    user_name      TEXT        NOT NULL,
    roles          TEXT        NOT NULL,
    study_uid      TEXT        NOT NULL,
    series_uid     TEXT        NOT NULL,
    window_start   TIMESTAMPTZ NOT NULL,
    window_end     TIMESTAMPTZ NOT NULL,
    last_access    TIMESTAMPTZ NOT NULL,
    requests       INT         NOT NULL,
    instances      INT         NOT NULL,
    frames         INT         NOT NULL,
    metadata       INT         NOT NULL,
    request_id     TEXT,
    client_address TEXT,
    -- the portal run that opened the window; rows of an earlier run are windows a crash left open
    boot_id        TEXT        NOT NULL,
    PRIMARY KEY (user_id, user_name, study_uid, series_uid, window_start)
);

-- The runtime role's rights (ordinary ones everywhere, only SELECT and INSERT on audit_event) are granted by
-- afterMigrate__runtime_role_grants.sql, which Flyway runs as the owner after every migrate: also for tables that
-- migrations numbered below this one create when merged later, and when the runtime role is configured after V30 ran.

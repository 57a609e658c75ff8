-- Flyway callback: after every migrate, as the owner role (delineo.db.owner-user), give the portal's login
-- ${runtimeRole} its rights. Idempotent. The portal may read and append the audit trail and nothing more: no UPDATE,
-- DELETE, TRUNCATE; ALTER TABLE and trigger control need ownership, and ${runtimeRole} owns nothing.
-- Skipped when the portal still logs in as the owner (no delineo.db.owner-user configured): an owner cannot be kept
-- from its own tables, and revoking its rights here would break Flyway itself. StartupChecks warns about that setup.
DO $$
DECLARE
    runtime TEXT := '${runtimeRole}';
BEGIN
    IF runtime = current_user THEN
        RAISE NOTICE 'the portal runs as the owner role %: audit_event is not protected against it', runtime;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
    -- tables and sequences that later migrations create (as the owner) get the same ordinary rights
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
                   runtime);
    -- the trail: read and append only
    REVOKE ALL ON audit_event FROM PUBLIC;
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT ON audit_event TO %I', runtime);
    -- Flyway's history is the owner's
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', runtime);
END
$$;

package io.delineo.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Before the portal serves anything: PostgreSQL and Keycloak must answer, then the schema is migrated. If either
 * is unreachable the portal says which one, in one line, and exits non-zero instead of serving 500s.
 * When all is well it fires {@link Ready}, which start-up work that needs the schema (demo data) observes.
 */
@ApplicationScoped
public class StartupChecks {
    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    /** advisory-lock key held while a replica migrates and runs its start-up work ("startup" in ASCII) */
    static final long STARTUP_LOCK_KEY = 0x73746172747570L;

    /** Fired once the database is reachable and migrated. */
    public record Ready() {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Flyway flyway;
    @Inject
    Event<Ready> ready;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String oidcUrl;
    @ConfigProperty(name = "delineo.startup.check-oidc", defaultValue = "true")
    boolean checkOidc;
    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeUser;
    /** the role that owns the schema and runs migrations; the portal itself runs as the datasource user */
    @ConfigProperty(name = "delineo.db.owner-user")
    Optional<String> ownerUser;
    @ConfigProperty(name = "delineo.db.owner-password")
    Optional<String> ownerPassword;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        String problem = databaseProblem();
        if (problem == null && checkOidc) problem = keycloakProblem();
        if (problem != null) {
            LOG.error(problem);
            Quarkus.asyncExit(3);
            return;
        }
        // Replicas starting together take turns: migration and the start-up work observing Ready (demo data, shipped
        // models) check-then-insert, which is only safe one replica at a time. A session lock is released by
        // PostgreSQL when its connection ends, also if this process dies.
        try (Connection c = dataSource.getConnection()) {
            lock(c, "SELECT pg_advisory_lock(?)");
            try {
                migrate();
                warnIfTrailIsUnprotected();
                ready.fire(new Ready());
            } finally {
                lock(c, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            LOG.error("PostgreSQL refused the start-up lock: " + rootMessage(e));
            Quarkus.asyncExit(3);
        } catch (FlywayException e) {
            LOG.error("the database schema could not be migrated: " + rootMessage(e));
            Quarkus.asyncExit(3);
        }
    }

    private static void lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, STARTUP_LOCK_KEY);
            s.execute();
        }
    }

    /**
     * Migrations run as the owner role, so the portal's own login never needs (and never gets) the right to alter or
     * empty the audit trail. Without an owner configured they run as the datasource user, as before.
     */
    private void migrate() {
        String owner = ownerUser.filter(u -> !u.isBlank()).orElse(null);
        if (owner == null || owner.equals(runtimeUser)) {
            flyway.migrate();
            return;
        }
        PGSimpleDataSource ownerLogin = new PGSimpleDataSource();
        ownerLogin.setURL(jdbcUrl);
        ownerLogin.setUser(owner);
        ownerLogin.setPassword(ownerPassword.orElse(""));
        // the same migrations, locations and placeholders as configured, on the owner's login
        Flyway asOwner = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .configuration(flyway.getConfiguration())
                .dataSource(ownerLogin)
                .load();
        asOwner.migrate();
    }

    private void warnIfTrailIsUnprotected() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT r.rolsuper OR pg_has_role(current_user, t.tableowner, 'USAGE')
                            OR has_table_privilege('audit_event', 'UPDATE')
                            OR has_table_privilege('audit_event', 'DELETE')
                            OR has_table_privilege('audit_event', 'TRUNCATE')
                     FROM pg_roles r, pg_tables t
                     WHERE r.rolname = current_user AND t.tablename = 'audit_event'""");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                LOG.warn("the portal's database login " + runtimeUser + " can alter or delete audit events: run it as "
                        + "a role without ownership and set DELINEO_DB_OWNER_USER / DELINEO_DB_OWNER_PASSWORD for "
                        + "migrations (README: audit trail)");
            }
        } catch (SQLException e) {
            LOG.warn("the audit table's privileges could not be checked: " + e.getMessage());
        }
    }

    private String databaseProblem() {
        try (Connection c = dataSource.getConnection()) {
            c.isValid(5);
            return null;
        } catch (Exception e) {
            return "PostgreSQL is not reachable at " + jdbcUrl + " (" + rootMessage(e) + "). Start it (./delineo up "
                    + "does) or set DELINEO_DB_URL.";
        }
    }

    private String keycloakProblem() {
        String discovery = oidcUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(discovery))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) return null;
            return "Keycloak answered " + response.statusCode() + " at " + discovery + ": is the realm imported?";
        } catch (Exception e) {
            return "Keycloak is not reachable at " + discovery + " (" + rootMessage(e) + "). Start it (./delineo up "
                    + "does) or set DELINEO_OIDC_URL.";
        }
    }

    private static String rootMessage(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) return "connection refused";
            if (t.getMessage() != null) message = t.getMessage();
        }
        return message;
    }
}

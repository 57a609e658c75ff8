package io.delineo.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database made before V30, as {@code ./delineo up} left it (the portal logged in as the owner {@code delineo} and
 * wrote SHA-256 events), upgraded: the runtime role is created, V30 runs as the owner, the portal appends keyed
 * events as {@code delineo_app}; the old and new parts verify as one chain and the new role cannot rewrite either.
 */
class AuditUpgradeTest {
    static final AuditKey KEY = new AuditKey("upgrade-test-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    @Test
    void anOldTrailKeepsVerifyingAndIsProtectedAfterTheUpgrade() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection su = pg.getPostgresDatabase().getConnection(); Statement st = su.createStatement()) {
                st.execute("CREATE ROLE delineo LOGIN PASSWORD 'delineo'");
                st.execute("CREATE DATABASE delineo OWNER delineo");
            }
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/delineo";
            Flyway.configure().dataSource(url, "delineo", "delineo").locations("classpath:db/migration")
                    .placeholders(Map.of("runtimeRole", "delineo")).target("7").load().migrate();
            try (Connection old = DriverManager.getConnection(url, "delineo", "delineo")) {
                insertLegacyEvents(old, 3);
            }

            // the upgrade: what EmbeddedPostgresMain does at start, then the migrations as the owner
            try (Connection su = pg.getPostgresDatabase().getConnection(); Statement st = su.createStatement()) {
                st.execute("CREATE ROLE delineo_app LOGIN PASSWORD 'delineo_app'");
            }
            Flyway.configure().dataSource(url, "delineo", "delineo").locations("classpath:db/migration")
                    .placeholders(Map.of("runtimeRole", "delineo_app")).load().migrate();

            try (Connection app = DriverManager.getConnection(url, "delineo_app", "delineo_app")) {
                app.setAutoCommit(false);
                ChainAppender.append(app, KEY, List.of(draft("after-upgrade-1"), draft("after-upgrade-2")));
                app.commit();
                app.setAutoCommit(true);

                ChainCheck check = new ChainCheck(KEY, 0, AuditHashChain.GENESIS, null);
                assertThat(ChainRows.walk(app, 0, check, Set.of(), new HashMap<>())).isNull();
                assertThat(check.lastSeq()).isEqualTo(5);
                assertThat(check.firstKeyed()).isEqualTo(4);

                for (String sql : List.of("UPDATE audit_event SET user_name = 'mallory'", "DELETE FROM audit_event",
                        "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER ALL")) {
                    assertThatThrownBy(() -> {
                        try (Statement st = app.createStatement()) {
                            st.execute(sql);
                        }
                    }).as(sql).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                }
                // ordinary rights elsewhere, also on a table from before the upgrade
                try (Statement st = app.createStatement()) {
                    st.executeQuery("SELECT count(*) FROM study").close();
                }
            }
        }
    }

    private static ChainAppender.Draft draft(String marker) {
        return new ChainAppender.Draft(Instant.now(), "id-pi", "pi", "pi", "PROBE", "probe", marker,
                AuditOutcome.SUCCESS, null, null, "{}");
    }

    /** Events as the portal wrote them before V30: plain SHA-256 links, no chain_alg or key_id columns yet. */
    private static void insertLegacyEvents(Connection c, int n) throws SQLException {
        String prev = AuditHashChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_event (seq, event_time, user_id, user_name, roles, action, resource_type,
                    resource_id, outcome, request_id, client_address, details, prev_hash, hash)
                VALUES (?, ?, 'id-pi', 'pi', 'pi', 'PROBE', 'probe', ?, 'SUCCESS', NULL, NULL, CAST('{}' AS json), ?, ?)""")) {
            for (int seq = 1; seq <= n; seq++) {
                AuditRecord r = new AuditRecord(seq, Instant.parse("2026-11-01T09:00:00Z").plusSeconds(seq), "id-pi",
                        "pi", "pi", "PROBE", "probe", "legacy-" + seq, AuditOutcome.SUCCESS, null, null, "{}");
                String hash = AuditHashChain.hash(r, prev);
                ps.setLong(1, seq);
                ps.setObject(2, r.time().atOffset(ZoneOffset.UTC));
                ps.setString(3, "legacy-" + seq);
                ps.setString(4, prev);
                ps.setString(5, hash);
                ps.executeUpdate();
                prev = hash;
            }
        }
    }
}

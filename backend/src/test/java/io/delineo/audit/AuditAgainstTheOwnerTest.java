package io.delineo.audit;

import io.agroal.api.AgroalDataSource;
import io.delineo.testing.AuditRows;
import io.delineo.testing.OwnerDatabase;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 16: the trail holds against the portal's own database login (PostgreSQL refuses it) and against the owner
 * (edits, re-chaining without the key and tail deletion are found by verify, with the first event affected).
 * Tampering is undone at the end of each test so the shared trail verifies again for other tests.
 */
@QuarkusTest
class AuditAgainstTheOwnerTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    AuditTrailTest.Probe probe;
    @Inject
    AuditVerifier verifier;
    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    AccessRecorder accesses;

    @BeforeEach
    void nothingAppendsBehindTheTest() {
        // open access windows would be appended by the background appender in the middle of tampering
        accesses.closeOpenWindows();
    }

    @Test
    void thePortalsRoleCannotUpdateDeleteTruncateOrSwitchOffTriggers() {
        probe.record("role-target");
        for (String sql : List.of("UPDATE audit_event SET user_name = 'mallory'", "DELETE FROM audit_event",
                "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DROP TRIGGER audit_event_no_truncate ON audit_event",
                "ALTER TABLE audit_event OWNER TO CURRENT_USER")) {
            assertThatThrownBy(() -> {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                            .as(sql + ": " + e.getMessage()).isEqualTo("42501")); // insufficient_privilege
        }
        given().auth().oauth2(TestTokens.pi()).when().get("/api/audit/verify")
                .then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void anUntouchedTrailVerifiesAgainstItsCheckpoint() throws Exception {
        probe.record("untouched");
        assertThat(checkpoints.writeNow()).isPresent();
        given().auth().oauth2(TestTokens.pi()).when().get("/api/audit/verify")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("firstBroken", nullValue())
                .body("reason", nullValue())
                .body("keyedFrom", equalTo(1))
                .body("checkpointSeq", notNullValue());
    }

    @Test
    void anEditReChainedWithSha256IsFoundAtTheEditedEvent() throws Exception {
        probe.record("rechain-target");
        probe.record("rechain-after-1");
        probe.record("rechain-after-2");
        long target = AuditRows.after(ds, 0).stream().filter(r -> "rechain-target".equals(r.resourceId()))
                .findFirst().orElseThrow().seq();
        try (Connection owner = OwnerDatabase.connect()) {
            List<Object[]> original = saveFrom(owner, target);
            try {
                // what the owner can do without the key: edit, then recompute every later link with plain SHA-256
                rechainWithSha256(owner, target, false);
                AuditVerifier.Verification v = verifier.verify();
                assertThat(v.ok()).isFalse();
                assertThat(v.firstBroken()).isEqualTo(target);
                assertThat(v.reason()).contains("HMAC");
                // ... and also claim the events were never keyed
                rechainWithSha256(owner, target, true);
                v = verifier.verify();
                assertThat(v.ok()).isFalse();
                assertThat(v.firstBroken()).isEqualTo(target);
                assertThat(v.reason()).contains("unkeyed");
            } finally {
                restore(owner, original);
            }
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void aDeletedTailIsFoundAgainstTheCheckpoint() throws Exception {
        probe.record("tail-1");
        probe.record("tail-2");
        probe.record("tail-3");
        Checkpoint cp = checkpoints.writeNow().orElseThrow();
        long firstDeleted = cp.seq() - 2;
        try (Connection owner = OwnerDatabase.connect(); Statement st = owner.createStatement()) {
            st.execute("CREATE TEMP TABLE saved_tail AS SELECT * FROM audit_event WHERE seq >= " + firstDeleted);
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
            st.executeUpdate("DELETE FROM audit_event WHERE seq >= " + firstDeleted);
            st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
            try {
                // the chain that is left is whole: only the checkpoint outside the database knows what is missing
                AuditVerifier.Verification v = verifier.verify();
                assertThat(v.ok()).isFalse();
                assertThat(v.firstBroken()).isEqualTo(firstDeleted);
                assertThat(v.reason()).contains("deleted").contains("checkpoint");
                assertThat(checkpoints.writeNow()).isEmpty();
            } finally {
                st.executeUpdate("INSERT INTO audit_event SELECT * FROM saved_tail");
            }
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void aForgedCheckpointIsNotTrusted() throws Exception {
        probe.record("forged-checkpoint");
        Checkpoint real = checkpoints.writeNow().orElseThrow();
        AuditKey wrongKey = new AuditKey("someone-else-s-key-0123456789abcdef".getBytes());
        Checkpoint forged = new Checkpoint(real.seq() + 5, real.hash(), real.time().plusSeconds(1), real.keyId(),
                real.keyedFrom());
        FileCheckpointStore store = new FileCheckpointStore(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("delineo.data-dir", String.class));
        store.write(forged.fileName(), forged.signed(wrongKey));
        try {
            AuditVerifier.Verification v = verifier.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.reason()).contains("cannot be trusted");
            assertThat(v.checkpointSeq()).isEqualTo(real.seq());
        } finally {
            java.nio.file.Files.delete(java.nio.file.Path.of(
                    org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("delineo.data-dir", String.class),
                    FileCheckpointStore.DIRECTORY, forged.fileName()));
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    private static List<Object[]> saveFrom(Connection owner, long fromSeq) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("""
                SELECT seq, user_name, prev_hash, hash, chain_alg, key_id FROM audit_event WHERE seq >= ? ORDER BY seq""")) {
            ps.setLong(1, fromSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                }
            }
        }
        return rows;
    }

    private static void restore(Connection owner, List<Object[]> rows) throws SQLException {
        try (Statement st = owner.createStatement();
             PreparedStatement ps = owner.prepareStatement("""
                     UPDATE audit_event SET user_name = ?, prev_hash = ?, hash = ?, chain_alg = ?, key_id = ?
                     WHERE seq = ?""")) {
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
            for (Object[] r : rows) {
                ps.setString(1, (String) r[1]);
                ps.setString(2, (String) r[2]);
                ps.setString(3, (String) r[3]);
                ps.setString(4, (String) r[4]);
                ps.setString(5, (String) r[5]);
                ps.setLong(6, (Long) r[0]);
                ps.executeUpdate();
            }
            st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
        }
    }

    /** Edits the target's user name and recomputes SHA-256 links from it to the head, as an owner without the key. */
    private static void rechainWithSha256(Connection owner, long target, boolean claimUnkeyed) throws SQLException {
        String previous;
        try (PreparedStatement ps = owner.prepareStatement("SELECT hash FROM audit_event WHERE seq = ?")) {
            ps.setLong(1, target - 1);
            try (ResultSet rs = ps.executeQuery()) {
                previous = rs.next() ? rs.getString(1) : AuditHashChain.GENESIS;
            }
        }
        List<Object[]> updates = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("""
                SELECT seq, event_time, user_id, user_name, roles, action, resource_type, resource_id, outcome,
                       request_id, client_address, details::text
                FROM audit_event WHERE seq >= ? ORDER BY seq""")) {
            ps.setLong(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String user = seq == target ? "mallory" : rs.getString(4);
                    AuditRecord rec = new AuditRecord(seq, rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), user, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            AuditOutcome.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                            rs.getString(12));
                    String hash = AuditHashChain.hash(rec, previous);
                    updates.add(new Object[]{seq, user, previous, hash});
                    previous = hash;
                }
            }
        }
        try (Statement st = owner.createStatement();
             PreparedStatement ps = owner.prepareStatement(claimUnkeyed
                     ? "UPDATE audit_event SET user_name = ?, prev_hash = ?, hash = ?, chain_alg = 'SHA-256', key_id = NULL WHERE seq = ?"
                     : "UPDATE audit_event SET user_name = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
            for (Object[] u : updates) {
                ps.setString(1, (String) u[1]);
                ps.setString(2, (String) u[2]);
                ps.setString(3, (String) u[3]);
                ps.setLong(4, (Long) u[0]);
                ps.executeUpdate();
            }
            st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
        }
    }
}

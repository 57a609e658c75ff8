package io.delineo.audit;

import io.agroal.api.AgroalDataSource;
import io.delineo.testing.AuditRows;
import io.delineo.testing.OwnerDatabase;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuditTrailTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    Probe probe;

    /** An action whose transaction fails after recording: its audit event must vanish with it. */
    @ApplicationScoped
    static class Probe {
        @Inject
        AuditTrail trail;

        @Transactional
        void recordThenFail(String marker) {
            trail.success("PROBE", "probe", marker, Map.of());
            throw new IllegalStateException("the action failed after auditing");
        }

        void recordWithoutTransaction() {
            trail.success("PROBE", "probe", "no-tx", Map.of());
        }

        @Transactional
        void record(String marker) {
            trail.success("PROBE", "probe", marker, Map.of("k", "v"));
        }
    }

    @Test
    void auditEventCommitsAndRollsBackWithItsAction() {
        long before = AuditRows.lastSeq(ds);
        assertThatThrownBy(() -> probe.recordThenFail("rolled-back")).isInstanceOf(IllegalStateException.class);
        probe.record("committed");
        assertThat(AuditRows.after(ds, before)).extracting(AuditRows.Row::resourceId)
                .contains("committed").doesNotContain("rolled-back");
    }

    @Test
    void recordOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> probe.recordWithoutTransaction())
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    void databaseRefusesUpdateDeleteAndTruncateEvenToTheOwner() throws SQLException {
        probe.record("immutable");
        // the portal's own role has no such rights at all (AuditAgainstTheOwnerTest); the owner meets the trigger
        try (Connection c = OwnerDatabase.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET user_name = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_event"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void listFiltersAndPagesNewestFirst() {
        probe.record("filter-a");
        probe.record("filter-b");
        given().auth().oauth2(TestTokens.pi())
                .queryParam("action", "PROBE").queryParam("resourceType", "probe").queryParam("resourceId", "filter-b")
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resourceId", equalTo("filter-b"))
                .body("items[0].userName", equalTo("system"))
                .body("items[0].hash.size()", equalTo(64));
        given().auth().oauth2(TestTokens.pi())
                .queryParam("action", "PROBE").queryParam("size", 1).queryParam("page", 0)
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("total", greaterThan(1));
        given().auth().oauth2(TestTokens.admin())
                .queryParam("user", "nobody-at-all")
                .when().get("/api/audit")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.pi())
                .queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2100-01-01T00:00:00Z")
                .queryParam("action", "PROBE")
                .when().get("/api/audit")
                .then().statusCode(200).body("items.action", everyItem(equalTo("PROBE")));
        given().auth().oauth2(TestTokens.pi())
                .queryParam("from", "2100-01-01T00:00:00Z")
                .when().get("/api/audit")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badFiltersAreRefusedWithAReason() {
        given().auth().oauth2(TestTokens.pi()).queryParam("from", "yesterday")
                .when().get("/api/audit")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("ISO-8601"));
        given().auth().oauth2(TestTokens.pi()).queryParam("size", 100000)
                .when().get("/api/audit")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("size"));
    }

    @Test
    void readingTheTrailIsItselfAudited() {
        long before = AuditRows.lastSeq(ds);
        given().auth().oauth2(TestTokens.pi()).when().get("/api/audit").then().statusCode(200);
        assertThat(AuditRows.after(ds, before)).anyMatch(r -> r.action().equals("AUDIT_QUERY") && r.user().equals("pi"));
    }

    @Test
    void verifyDetectsARowAlteredDirectlyInTheDatabase() throws SQLException {
        probe.record("tamper-target");
        probe.record("after-target");
        given().auth().oauth2(TestTokens.pi()).when().get("/api/audit/verify")
                .then().statusCode(200).body("ok", equalTo(true)).body("firstBroken", nullValue());
        long target = AuditRows.after(ds, 0).stream().filter(r -> "tamper-target".equals(r.resourceId()))
                .findFirst().orElseThrow().seq();
        try (Connection c = OwnerDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
            try {
                st.executeUpdate("UPDATE audit_event SET user_name = 'mallory' WHERE seq = " + target);
                given().auth().oauth2(TestTokens.pi()).when().get("/api/audit/verify")
                        .then().statusCode(200)
                        .body("ok", equalTo(false))
                        .body("firstBroken", equalTo((int) target));
            } finally {
                // put the row back so the shared trail verifies again for other tests
                st.executeUpdate("UPDATE audit_event SET user_name = 'system' WHERE seq = " + target);
                st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
            }
        }
        given().auth().oauth2(TestTokens.pi()).when().get("/api/audit/verify")
                .then().statusCode(200).body("ok", equalTo(true));
    }
}

package io.delineo.security;

import io.agroal.api.AgroalDataSource;
import io.delineo.testing.Await;
import io.delineo.testing.AuditRows;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthenticationAndRolesTest {
    @Inject
    AgroalDataSource ds;

    @Test
    void meAnswersNameAndRoles() {
        given().auth().oauth2(TestTokens.reader("reader1"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("name", equalTo("reader1"))
                .body("roles", contains("reader"));
    }

    @Test
    void rolesOutsideDelineoAreNotReported() {
        given().auth().oauth2(TestTokens.token("pi", "pi", "offline_access", "uma_authorization"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", contains("pi"));
    }

    @Test
    void requestWithoutTokenIs401AndAuditedAsDenied() {
        long before = AuditRows.lastSeq(ds);
        String requestId = given().when().get("/api/me").then().statusCode(401).extract().header("X-Request-Id");
        Await.until("denied audit row for anonymous /api/me",
                () -> AuditRows.after(ds, before).stream().anyMatch(r -> requestId.equals(r.requestId())));
        AuditRows.Row row = AuditRows.after(ds, before).stream()
                .filter(r -> requestId.equals(r.requestId())).findFirst().orElseThrow();
        assertThat(row.user()).isEqualTo("anonymous");
        assertThat(row.action()).isEqualTo("ACCESS_DENIED");
        assertThat(row.outcome()).isEqualTo("DENIED");
        assertThat(row.resourceId()).isEqualTo("/api/me");
        assertThat(row.details()).contains("\"status\":401");
    }

    @Test
    void invalidTokenIs401() {
        given().auth().oauth2("not.a.jwt").when().get("/api/me").then().statusCode(401);
    }

    @Test
    void readerOnAuditIs403AndAuditedWithTheReadersName() {
        long before = AuditRows.lastSeq(ds);
        String requestId = given().auth().oauth2(TestTokens.reader("reader2"))
                .when().get("/api/audit")
                .then().statusCode(403).extract().header("X-Request-Id");
        Await.until("denied audit row for reader2 on /api/audit",
                () -> AuditRows.after(ds, before).stream().anyMatch(r -> requestId.equals(r.requestId())));
        AuditRows.Row row = AuditRows.after(ds, before).stream()
                .filter(r -> requestId.equals(r.requestId())).findFirst().orElseThrow();
        assertThat(row.user()).isEqualTo("reader2");
        assertThat(row.outcome()).isEqualTo("DENIED");
        assertThat(row.details()).contains("\"status\":403");
    }

    @Test
    void boardCannotReadTheAuditTrailButAdminCan() {
        given().auth().oauth2(TestTokens.board()).when().get("/api/audit").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/audit").then().statusCode(200);
    }

    @Test
    void clientConfigIsPublicAndNamesTheBrowserClient() {
        given().when().get("/api/config").then().statusCode(200)
                .body("clientId", equalTo("delineo-web"))
                .body("realm", equalTo("quarkus"));
    }

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        // metrics and the API description are for admins (OperationalEndpointsTest covers the refusals)
        assertThat(given().auth().oauth2(TestTokens.admin()).when().get("/q/metrics").then().statusCode(200)
                .extract().asString()).contains("http_server_requests");
        assertThat(given().auth().oauth2(TestTokens.admin()).accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString())
                .contains("/api/me").contains("/api/audit/verify");
    }
}

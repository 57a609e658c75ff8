package io.delineo.platform;

import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Metrics and the API description are for admins only on the app port; health stays open for readiness probes. */
@QuarkusTest
class OperationalEndpointsTest {
    static final List<String> OPERATIONAL = List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/swagger-ui/index.html");

    @Test
    void anonymousAndOtherRolesAreRefused() {
        for (String path : OPERATIONAL) {
            assertThat(given().redirects().follow(false).get(path).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(given().auth().oauth2(TestTokens.reader("reader1")).redirects().follow(false).get(path)
                    .statusCode()).as("reader " + path).isEqualTo(403);
            assertThat(given().auth().oauth2(TestTokens.pi()).redirects().follow(false).get(path)
                    .statusCode()).as("pi " + path).isEqualTo(403);
        }
    }

    @Test
    void adminsReachThem() {
        for (String path : List.of("/q/metrics", "/q/openapi")) {
            assertThat(given().auth().oauth2(TestTokens.admin()).get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void healthStaysOpenForProbes() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
    }
}

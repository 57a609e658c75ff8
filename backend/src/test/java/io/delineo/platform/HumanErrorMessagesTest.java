package io.delineo.platform;

import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A 400 always says what was wrong in words: never empty, never the framework's "HTTP 400 Bad Request". */
@QuarkusTest
class HumanErrorMessagesTest {
    static void assertExplained(Response r) {
        assertThat(r.statusCode()).isEqualTo(400);
        String message = r.jsonPath().getString("message");
        assertThat(message).isNotBlank().doesNotStartWith("HTTP 400").hasSizeGreaterThan(30);
    }

    @Test
    void aQueryParameterOfTheWrongForm() {
        Response r = given().auth().oauth2(TestTokens.pi()).get("/api/audit?page=abc");
        assertExplained(r);
        assertThat(r.jsonPath().getString("message")).contains("parameter");
    }

    @Test
    void aJsonValueOfTheWrongShapeNamesItsPlace() {
        Response r = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"lesionLabels\": {\"not\": \"a list\"}}").post("/api/reader-studies");
        assertExplained(r);
        assertThat(r.jsonPath().getString("message")).contains("/lesionLabels");
    }

    @Test
    void malformedJson() {
        assertExplained(given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/reader-studies"));
    }
}

package io.delineo.platform;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A NUL or other C0 control character in any JSON text is a 400 naming the field, never a 500 from PostgreSQL. */
@QuarkusTest
class ControlCharactersRefusedTest {
    @OidcWireMock
    WireMockServer keycloak;
    StudyFixture f;

    @BeforeEach
    void study() {
        KeycloakDirectoryStub.readers(keycloak);
        f = StudyFixture.openStudy(List.of("reader1"), 3);
    }

    @Test
    void nulInReadContentNamesTheContoursField() {
        Map<String, Object> contour = new java.util.HashMap<>(square(f.images.get(1), 256, 256, 20));
        contour.put("origin", "free\u0000hand");
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(read(List.of(lesion("A", "primary tumour", List.of(contour)))))
                .put("/api/cases/" + f.caseId + "/my-read").then().statusCode(400)
                .body("message", containsString("/lesions/0/contours/0/origin"))
                .body("message", containsString("U+0000"));
        // nothing was saved
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read").then()
                .statusCode(200).body("version", equalTo(0));
    }

    @Test
    void controlCharacterInAStudyNameIsRefused() {
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "Study\u0007bell", "purpose", "test", "lesionLabels", List.of("primary tumour"),
                        "phases", List.of("CT_PORTAL_VENOUS"), "readers", List.of("reader1")))
                .post("/api/reader-studies").then().statusCode(400)
                .body("message", containsString("field /name"))
                .body("message", containsString("U+0007"));
    }

    @Test
    void nulInACaseSeriesIsRefused() {
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", f.studyUid, "series", Map.of("CT_PORTAL_VENOUS", f.seriesUid + "\u0000")))
                .post("/api/reader-studies/" + f.studyId + "/cases").then().statusCode(400)
                .body("message", containsString("/series/CT_PORTAL_VENOUS"));
    }

    @Test
    void nulInABoardDecisionIsRefused() {
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G2", "treatment", "surgery\u0000", "note", "n", "attendees", List.of("a")))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(400)
                .body("message", containsString("field /treatment"));
    }

    @Test
    void nulInAConsensusEditIsRefused() {
        Map<String, Object> contour = square(f.images.get(1), 256, 256, 20);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "edit", "content",
                        read(List.of(lesion("A\u001b", "primary tumour", List.of(contour))))))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(400)
                .body("message", containsString("/content/lesions/0/id"));
    }

    @Test
    void tabsNewlinesAndOrdinaryTextStillPass() {
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "Study\twith tab\r\nand lines — ünïcode", "purpose", "test",
                        "lesionLabels", List.of("primary tumour"), "phases", List.of("CT_PORTAL_VENOUS"),
                        "readers", List.of("reader1")))
                .post("/api/reader-studies").then().statusCode(201);
    }

    @Test
    void textOverTheLengthLimitNamesTheLimit() {
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G2", "treatment", "x".repeat(JsonText.DEFAULT_MAX_CHARS + 1)))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(400)
                .body("message", containsString("delineo.limits.text-chars"))
                .body("message", containsString("field /treatment"));
    }
}

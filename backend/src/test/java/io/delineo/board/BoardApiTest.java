package io.delineo.board;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BoardApiTest {
    @OidcWireMock
    WireMockServer keycloak;

    StudyFixture f;

    @BeforeEach
    void caseWithTwoSubmittedReads() {
        KeycloakDirectoryStub.readers(keycloak);
        f = StudyFixture.openStudy(List.of("reader1", "reader2"), 3);
        for (String reader : List.of("reader1", "reader2")) {
            given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(read(List.of(lesion("L", "primary tumour", List.of(square(f.images.get(1), 256, 256,
                            reader.equals("reader1") ? 20 : 22))))))
                    .put("/api/cases/" + f.caseId + "/my-read").then().statusCode(200);
            given().auth().oauth2(TestTokens.reader(reader)).post("/api/cases/" + f.caseId + "/my-read/submit")
                    .then().statusCode(200);
        }
    }

    void approveConsensus() {
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("method", "staple"))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201);
        given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + f.caseId + "/consensus/1/approve")
                .then().statusCode(200);
    }

    @Test
    void aCaseReachesTheBoardOnlyWithAnApprovedConsensusAndOnlyWhenReleased() {
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases/" + f.caseId).then().statusCode(403);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("note", "for Tuesday"))
                .post("/api/board/cases/" + f.caseId + "/release").then().statusCode(409)
                .body("message", containsString("approve a consensus"));
        approveConsensus();
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("note", "for Tuesday"))
                .post("/api/board/cases/" + f.caseId + "/release").then().statusCode(204);
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases").then().statusCode(200)
                .body("caseId", hasItem((int) f.caseId));
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases/" + f.caseId).then().statusCode(200)
                .body("consensus.version", equalTo(1))
                .body("consensus.content.lesions[0].label", equalTo("primary tumour"))
                .body("agreement[0].readers", equalTo(2))
                .body("stapleFigures.reader", hasItem("reader1"))
                .body("pathology", nullValue())
                .body("releaseNote", equalTo("for Tuesday"));
        // the board sees the case's images, nothing else; readers see no board
        given().auth().oauth2(TestTokens.board())
                .get("/dicom-web/studies/" + f.studyUid + "/series/" + f.seriesUid + "/metadata").then().statusCode(200);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/board/cases").then().statusCode(403);
        // the board never sees individual reads
        given().auth().oauth2(TestTokens.board()).get("/api/cases/" + f.caseId + "/reads").then().statusCode(403);
    }

    @Test
    void pathologyIsShownOnlyWhenThePiReleasesIt() {
        approveConsensus();
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/board/cases/" + f.caseId + "/release").then().statusCode(204);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("whoGrade", "G2", "ki67Percent", 8, "source", "RESECTION", "releasedToBoard", false))
                .put("/api/cases/" + f.caseId + "/pathology").then().statusCode(200);
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases/" + f.caseId).then().body("pathology", nullValue());
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("whoGrade", "G2", "ki67Percent", 8, "source", "RESECTION", "releasedToBoard", true))
                .put("/api/cases/" + f.caseId + "/pathology").then().statusCode(200);
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases/" + f.caseId).then()
                .body("pathology.whoGrade", equalTo("G2"));
    }

    @Test
    void decisionsAreValidatedVersionedAndPrintable() {
        approveConsensus();
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/board/cases/" + f.caseId + "/release").then().statusCode(204);
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G4", "treatment", "surgery", "attendees", List.of("a")))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(400);
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G2", "treatment", "surgery", "attendees", List.of()))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(400)
                .body("message", containsString("attendees"));
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G2", "treatment", "Distal pancreatectomy", "note", "Ki-67 pending",
                        "attendees", List.of("Dr A (surgery)", "Dr B (radiology)")))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(200)
                .body("version", equalTo(1)).body("decidedBy", equalTo("board"));
        given().auth().oauth2(TestTokens.board()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G3", "treatment", "Chemotherapy first", "attendees", List.of("Dr A")))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("finalGrade", "G1", "treatment", "x", "attendees", List.of("me")))
                .post("/api/board/cases/" + f.caseId + "/decision").then().statusCode(403);
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases/" + f.caseId + "/decision").then()
                .body("finalGrade", equalTo(List.of("G3", "G2")));
        given().auth().oauth2(TestTokens.board()).get("/api/board/cases/" + f.caseId + "/report").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("final grade <b>G3</b>"), containsString("Distal pancreatectomy"),
                        not(containsString("<script")));
    }
}

package io.delineo.contour;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.delineo.testing.AuditRows;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ContourApiTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    AgroalDataSource ds;

    StudyFixture f;

    @BeforeEach
    void openStudy() {
        KeycloakDirectoryStub.readers(keycloak);
        f = StudyFixture.openStudy(List.of("reader1", "reader2"), 3);
    }

    Response put(String reader, String ifMatch, Object body) {
        var req = given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) req = req.header("If-Match", ifMatch);
        return req.put("/api/cases/" + f.caseId + "/my-read");
    }

    Map<String, Object> twoSliceLesion() {
        return read(List.of(lesion("L1", "primary tumour",
                List.of(square(f.images.get(0), 256, 256, 20), square(f.images.get(1), 256, 256, 24)))));
    }

    @Test
    void aReaderSavesVersionsWithEtagsAndGetsTheSameCoordinatesBack() {
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read")
                .then().statusCode(200).header("ETag", "\"0\"").body("status", equalTo("NOT_STARTED"))
                .body("content.lesions", hasSize(0));
        Map<String, Object> body = twoSliceLesion();
        put("reader1", "\"0\"", body).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        Response back = given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read");
        back.then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("IN_PROGRESS"))
                .body("content.lesions[0].seriesInstanceUid", equalTo(f.seriesUid));
        @SuppressWarnings("unchecked")
        List<double[]> sent = (List<double[]>) ((Map<String, Object>) ((List<?>) ((Map<String, Object>)
                ((List<?>) body.get("lesions")).get(0)).get("contours")).get(1)).get("points");
        List<List<Float>> got = back.jsonPath().getList("content.lesions[0].contours[1].points");
        for (int i = 0; i < sent.size(); i++) {
            for (int a = 0; a < 3; a++) assertThat((double) got.get(i).get(a)).isCloseTo(sent.get(i)[a],
                    org.assertj.core.data.Offset.offset(1e-3));
        }
        put("reader1", "\"1\"", body).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void aStaleSaveGets409WithTheCurrentReadAndNothingIsLost() {
        put("reader1", "\"0\"", twoSliceLesion()).then().statusCode(200);
        Map<String, Object> other = read(List.of(lesion("L2", "liver metastasis",
                List.of(square(f.images.get(2), 100, 100, 10)))));
        Response stale = put("reader1", "\"0\"", other);
        stale.then().statusCode(409).body("currentVersion", equalTo(1))
                .body("current.content.lesions[0].id", equalTo("L1"))
                .body("message", containsString("saved elsewhere"));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read")
                .then().body("content.lesions[0].id", equalTo("L1"));
        // the user chooses to overwrite deliberately: based on the current version
        put("reader1", "\"1\"", other).then().statusCode(200).body("content.lesions[0].id", equalTo("L2"));
        put("reader1", null, other).then().statusCode(428);
    }

    @Test
    void invalidContoursAreRefusedWithTheReason() {
        Map<String, Object> good = square(f.images.get(0), 200, 200, 10);
        @SuppressWarnings("unchecked")
        List<double[]> pts = (List<double[]>) good.get("points");
        double[] off = pts.get(2).clone();
        off[2] += 1.0; // off the axial plane by 1 mm
        Map<String, Object> offPlane = Map.of("sopInstanceUid", good.get("sopInstanceUid"),
                "points", List.of(pts.get(0), pts.get(1), off, pts.get(3)));
        put("reader1", "\"0\"", read(List.of(lesion("A", "primary tumour", List.of(offPlane))))).then()
                .statusCode(400).body("message", containsString("lesion 1 (primary tumour), contour 1: point 3 lies 1.00 mm off"));
        put("reader1", "\"0\"", read(List.of(lesion("A", "cyst", List.of(good))))).then()
                .statusCode(400).body("message", containsString("label must be one of"));
        put("reader1", "\"0\"", read(List.of(lesion("A", "primary tumour",
                List.of(Map.of("sopInstanceUid", "1.2.3", "points", pts)))))).then()
                .statusCode(400).body("message", containsString("not part of this case"));
        put("reader1", "\"0\"", read(List.of(lesion("A", "primary tumour",
                List.of(Map.of("sopInstanceUid", good.get("sopInstanceUid"), "points", pts.subList(0, 2))))))).then()
                .statusCode(400).body("message", containsString("at least 3 points"));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read")
                .then().body("version", equalTo(0));
    }

    @Test
    void readersAreBlindedByTheApiAndRefusalsAreAudited() {
        put("reader1", "\"0\"", twoSliceLesion()).then().statusCode(200);
        // reader2 sees only an empty read of their own
        given().auth().oauth2(TestTokens.reader("reader2")).get("/api/cases/" + f.caseId + "/my-read")
                .then().statusCode(200).body("reader", equalTo("reader2")).body("content.lesions", hasSize(0));
        long before = AuditRows.lastSeq(ds);
        given().auth().oauth2(TestTokens.reader("reader2")).get("/api/cases/" + f.caseId + "/reads")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reader("reader3")).get("/api/cases/" + f.caseId + "/my-read")
                .then().statusCode(403).body("message", containsString("not assigned"));
        given().auth().oauth2(TestTokens.board()).get("/api/cases/" + f.caseId + "/reads").then().statusCode(403);
        io.delineo.testing.Await.until("both refusals audited", () -> AuditRows.after(ds, before).stream()
                .filter(a -> a.outcome().equals("DENIED")).count() >= 3);
        assertThat(AuditRows.after(ds, before)).anyMatch(a -> a.user().equals("reader3")
                && a.action().equals("CONTOUR_READ") && a.outcome().equals("DENIED"));
        assertThat(AuditRows.after(ds, before)).anyMatch(a -> a.user().equals("reader2")
                && a.outcome().equals("DENIED") && a.resourceId().endsWith("/reads"));
        // the PI sees every reader's read
        given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/reads").then().statusCode(200)
                .body("reader", equalTo(List.of("reader1", "reader2")))
                .body("[0].content.lesions[0].contours", hasSize(2))
                .body("[1].status", equalTo("NOT_STARTED"));
    }

    @Test
    void submittingMakesTheReadFinalUntilThePiReopensIt() {
        put("reader1", "\"0\"", twoSliceLesion()).then().statusCode(200);
        given().auth().oauth2(TestTokens.reader("reader1")).header("If-Match", "\"1\"")
                .post("/api/cases/" + f.caseId + "/my-read/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        put("reader1", "\"1\"", twoSliceLesion()).then().statusCode(409).body("message", containsString("read-only"));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/worklist").then()
                .body("find { it.caseId == " + f.caseId + " }.status", equalTo("SUBMITTED"));
        given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/" + f.studyId).then()
                .body("progress.find { it.reader == 'reader1' }.submitted", equalTo(1))
                .body("progress.find { it.reader == 'reader2' }.notStarted", equalTo(1));
        given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + f.caseId + "/reads/reader1/reopen")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        put("reader1", "\"1\"", twoSliceLesion()).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void everyContourReadAndWriteIsAudited() {
        long before = AuditRows.lastSeq(ds);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read").then().statusCode(200);
        put("reader1", "\"0\"", twoSliceLesion()).then().statusCode(200);
        given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/reads").then().statusCode(200);
        List<AuditRows.Row> rows = AuditRows.after(ds, before);
        assertThat(rows).anyMatch(a -> a.action().equals("CONTOUR_READ") && a.user().equals("reader1"));
        assertThat(rows).anyMatch(a -> a.action().equals("CONTOUR_SAVE") && a.user().equals("reader1")
                && a.details().contains("\"version\":1") && a.details().contains("\"contours\":2"));
        assertThat(rows).anyMatch(a -> a.action().equals("CONTOUR_READ") && a.user().equals("pi"));
    }
}

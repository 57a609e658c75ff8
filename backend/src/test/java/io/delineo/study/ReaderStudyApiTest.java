package io.delineo.study;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.delineo.dicom.UidGenerator;
import io.delineo.testing.Await;
import io.delineo.testing.AuditRows;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReaderStudyApiTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void readersInKeycloak() {
        KeycloakDirectoryStub.readers(keycloak);
    }

    @Test
    void theReaderListComesFromKeycloak() {
        given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/readers").then().statusCode(200)
                .body("userName", equalTo(List.of("reader1", "reader2", "reader3")))
                .body("displayName[0]", equalTo("Rhea Lindqvist"));
    }

    @Test
    void aStudyIsCreatedAsDraftWithItsSettings() {
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "pNEN CT grading", "purpose", "G1 vs G2/3", "lesionLabels",
                        List.of("primary tumour"), "phases", List.of("CT_ARTERIAL", "CT_PORTAL_VENOUS"),
                        "readers", List.of("reader1", "reader2")))
                .post("/api/reader-studies").then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("blinded", equalTo(true))
                .body("readers", equalTo(List.of("reader1", "reader2")))
                .body("phases", equalTo(List.of("CT_ARTERIAL", "CT_PORTAL_VENOUS")))
                .body("createdBy", equalTo("pi"));
    }

    @Test
    void badStudyDefinitionsAreRefusedWithTheReason() {
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "lesionLabels", List.of("t"), "phases", List.of("CT_LATE"),
                        "readers", List.of()))
                .post("/api/reader-studies").then().statusCode(400).body("message", containsString("unknown phase"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "lesionLabels", List.of(), "phases", List.of("CT_ARTERIAL")))
                .post("/api/reader-studies").then().statusCode(400).body("message", containsString("lesion label"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "lesionLabels", List.of("t"), "phases", List.of("CT_ARTERIAL"),
                        "readers", List.of("pi")))
                .post("/api/reader-studies").then().statusCode(400).body("message", containsString("reader role"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/reader-studies").then().statusCode(400);
    }

    @Test
    void casesMapArchiveSeriesToTheStudysPhasesOnly() {
        String studyUid = UidGenerator.newUid(), seriesUid = UidGenerator.newUid();
        DicomWebClient.stow(TestTokens.pi(), SyntheticDicom.newSeries(2, studyUid, seriesUid, "C-1"), null);
        long study = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "cases", "lesionLabels", List.of("t"), "phases", List.of("CT_ARTERIAL"),
                        "readers", List.of("reader1")))
                .post("/api/reader-studies").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", studyUid, "series", Map.of("CT_PORTAL_VENOUS", seriesUid)))
                .post("/api/reader-studies/" + study + "/cases").then().statusCode(400)
                .body("message", containsString("not one of this study's phases"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", "1.2.3.4", "series", Map.of("CT_ARTERIAL", seriesUid)))
                .post("/api/reader-studies/" + study + "/cases").then().statusCode(400)
                .body("message", containsString("not in the archive"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .post("/api/reader-studies/" + study + "/status").then().statusCode(409)
                .body("message", containsString("at least one reader and one case"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", studyUid, "series", Map.of("CT_ARTERIAL", seriesUid)))
                .post("/api/reader-studies/" + study + "/cases").then().statusCode(201)
                .body("label", equalTo("Case 1"))
                .body("readStatus.reader1", equalTo("NOT_STARTED"));
        given().auth().oauth2(TestTokens.pi())
                .get("/api/reader-studies/phase-suggestions?studyInstanceUid=" + studyUid).then().statusCode(200)
                .body("[0].seriesInstanceUid", equalTo(seriesUid)).body("[0].instances", equalTo(2));
    }

    @Test
    void readersSeeOnlyTheirOpenStudiesAndOnlyTheirSeries() throws Exception {
        StudyFixture f = StudyFixture.openStudy(List.of("reader1", "reader2"), 3);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/worklist").then().statusCode(200)
                .body("caseId", hasItem((int) f.caseId));
        given().auth().oauth2(TestTokens.reader("reader3")).get("/api/worklist").then().statusCode(200)
                .body("caseId", not(hasItem((int) f.caseId)));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/worklist").then()
                .body("find { it.caseId == " + f.caseId + " }.phases[0].seriesInstanceUid", equalTo(f.seriesUid))
                .body("find { it.caseId == " + f.caseId + " }.status", equalTo("NOT_STARTED"));

        assertThat(given().auth().oauth2(TestTokens.reader("reader1"))
                .get("/dicom-web/studies?StudyInstanceUID=" + f.studyUid).jsonPath().getList("$")).hasSize(1);
        assertThat(given().auth().oauth2(TestTokens.reader("reader3"))
                .get("/dicom-web/studies?StudyInstanceUID=" + f.studyUid).jsonPath().getList("$")).isEmpty();
        given().auth().oauth2(TestTokens.reader("reader1"))
                .get("/dicom-web/studies/" + f.studyUid + "/series/" + f.seriesUid + "/metadata").then().statusCode(200);
        given().auth().oauth2(TestTokens.reader("reader3"))
                .get("/dicom-web/studies/" + f.studyUid + "/series/" + f.seriesUid + "/metadata").then().statusCode(403);
        // readers do not manage studies
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/reader-studies").then().statusCode(403);
    }

    @Test
    void pathologyIsRecordedByThePiAndHiddenFromReaders() {
        StudyFixture f = StudyFixture.openStudy(List.of("reader1"), 1);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("whoGrade", "G2", "ki67Percent", 7.5, "mitoticCount", 3, "source", "RESECTION"))
                .put("/api/cases/" + f.caseId + "/pathology").then().statusCode(200)
                .body("whoGrade", equalTo("G2")).body("recordedBy", equalTo("pi"));
        given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/pathology").then().statusCode(200)
                .body("ki67Percent", equalTo(7.5f));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("whoGrade", "G4"))
                .put("/api/cases/" + f.caseId + "/pathology").then().statusCode(400);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("ki67Percent", 140))
                .put("/api/cases/" + f.caseId + "/pathology").then().statusCode(400);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/pathology")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/worklist").then()
                .body(not(containsString("G2")));
    }

    @Test
    void aReaderOpensOneAssignedCaseWithItsSeriesAndLabelsAndOthersAreRefused() {
        StudyFixture f = StudyFixture.openStudy(List.of("reader1", "reader2"), 2);
        long before = AuditRows.lastSeq(ds);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/worklist/" + f.caseId).then().statusCode(200)
                .body("caseId", equalTo((int) f.caseId))
                .body("studyId", equalTo((int) f.studyId))
                .body("status", equalTo("NOT_STARTED"))
                .body("phases.phase", equalTo(List.of("CT_PORTAL_VENOUS")))
                .body("phases[0].studyInstanceUid", equalTo(f.studyUid))
                .body("phases[0].seriesInstanceUid", equalTo(f.seriesUid))
                .body("lesionLabels", equalTo(List.of("primary tumour", "liver metastasis")));
        // a reader of another study, the PI (no reader role) and an unknown case get the same refusal
        given().auth().oauth2(TestTokens.reader("reader3")).get("/api/worklist/" + f.caseId).then().statusCode(403)
                .body("message", containsString("not assigned"));
        given().auth().oauth2(TestTokens.reader("reader3")).get("/api/worklist/999999999").then().statusCode(403);
        given().auth().oauth2(TestTokens.pi()).get("/api/worklist/" + f.caseId).then().statusCode(403);
        // the literal /next still answers
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/worklist/next").then().statusCode(200);

        Await.until("the refusals are audited", () -> AuditRows.after(ds, before).stream()
                .filter(a -> a.action().equals("CASE_OPEN") && a.outcome().equals("DENIED")).count() >= 2);
        List<AuditRows.Row> rows = AuditRows.after(ds, before);
        assertThat(rows).anyMatch(a -> a.action().equals("CASE_OPEN") && a.outcome().equals("SUCCESS")
                && a.user().equals("reader1") && a.resourceId().equals(String.valueOf(f.caseId)));
        assertThat(rows).anyMatch(a -> a.action().equals("CASE_OPEN") && a.outcome().equals("DENIED")
                && a.user().equals("reader3") && a.resourceId().equals(String.valueOf(f.caseId)));
    }
}

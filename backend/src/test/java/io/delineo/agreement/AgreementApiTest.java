package io.delineo.agreement;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AgreementApiTest {
    @OidcWireMock
    WireMockServer keycloak;

    StudyFixture f;
    double voxelMl;

    @BeforeEach
    void threeReaders() {
        KeycloakDirectoryStub.readers(keycloak);
        f = StudyFixture.openStudy(List.of("reader1", "reader2", "reader3"), 5);
        var ds = DicomReader.read(f.images.get(0)).dataset();
        double[] spacing = ds.getDoubles(Tags.PixelSpacing);
        double sliceGap = Math.abs(DicomReader.read(f.images.get(1)).dataset().getDoubles(Tags.ImagePositionPatient)[2]
                - ds.getDoubles(Tags.ImagePositionPatient)[2]);
        voxelMl = spacing[0] * spacing[1] * sliceGap / 1000;
    }

    /** A square lesion of the given size (pixels, corners on pixel centres) on slices 1–3 of the series. */
    Map<String, Object> squares(double cx, double size) {
        List<Map<String, Object>> contours = new ArrayList<>();
        for (int s = 1; s <= 3; s++) contours.add(square(f.images.get(s), cx, 256, size));
        return read(List.of(lesion("L", "primary tumour", contours)));
    }

    void saveAndSubmit(String reader, Map<String, Object> body) {
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body).put("/api/cases/" + f.caseId + "/my-read").then().statusCode(200);
        given().auth().oauth2(TestTokens.reader(reader)).post("/api/cases/" + f.caseId + "/my-read/submit")
                .then().statusCode(200);
    }

    /** JSON with doubles kept as doubles (rest-assured defaults to float). */
    static JsonPath exact(io.restassured.response.Response r) {
        return new JsonPath(r.asString()).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    JsonPath agreement(String query) {
        var r = given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/agreement" + query);
        r.then().statusCode(200);
        return exact(r);
    }

    @Test
    void pairwiseMetricsFollowFromTheContoursExactly() {
        saveAndSubmit("reader1", squares(256, 20)); // 20×20 voxels per slice (corners on centres: half-open edges)
        saveAndSubmit("reader2", squares(256, 24)); // 24×24, containing reader1's
        JsonPath a = agreement("");
        assertThat(a.getList("lesions")).hasSize(1);
        assertThat(a.getString("lesions[0].label")).isEqualTo("primary tumour");
        assertThat(a.getDouble("lesions[0].readers.find { it.reader == 'reader1' }.volumeMl"))
                .isCloseTo(3 * 400 * voxelMl, within(1e-9));
        assertThat(a.getDouble("lesions[0].readers.find { it.reader == 'reader2' }.volumeMl"))
                .isCloseTo(3 * 576 * voxelMl, within(1e-9));
        assertThat(a.getInt("lesions[0].readers.find { it.reader == 'reader1' }.firstSlice")).isEqualTo(1);
        Map<String, Object> pair = a.getMap("lesions[0].pairs[0]");
        assertThat(((Number) pair.get("dice")).doubleValue()).isCloseTo(2.0 * 400 / (400 + 576), within(1e-9));
        assertThat(((Number) pair.get("jaccard")).doubleValue()).isCloseTo(400.0 / 576, within(1e-9));
        // surfaces 2 voxels apart in-plane (1.074 mm each); the end slices add a through-plane distance
        assertThat(((Number) pair.get("hd")).doubleValue()).isGreaterThan(2 * 1.07);
        // reader3 has not submitted: only two readers count
        assertThat(a.getList("lesions[0].readers")).hasSize(2);
    }

    @Test
    void inProgressReadsCountOnlyWhenAsked() {
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(squares(256, 20)).put("/api/cases/" + f.caseId + "/my-read").then().statusCode(200);
        saveAndSubmit("reader2", squares(258, 20));
        assertThat(agreement("").getList("lesions[0].readers")).hasSize(1);
        assertThat(agreement("?includeInProgress=true").getList("lesions[0].pairs")).hasSize(1);
    }

    @Test
    void stapleAndMajorityConsensusAreVersionedApprovedAndComparedWith() {
        saveAndSubmit("reader1", squares(256, 20));
        saveAndSubmit("reader2", squares(258, 20));
        saveAndSubmit("reader3", squares(300, 10)); // off target
        JsonPath staple = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "staple")).post("/api/cases/" + f.caseId + "/consensus")
                .then().statusCode(201).extract().jsonPath();
        assertThat(staple.getInt("version")).isEqualTo(1);
        assertThat(staple.getString("method")).isEqualTo("STAPLE");
        assertThat(staple.getBoolean("approved")).isFalse();
        assertThat(staple.getList("sources.reader")).containsExactly("reader1", "reader2", "reader3");
        assertThat(staple.getDouble("readers.find { it.reader == 'reader3' }.sensitivity"))
                .isLessThan(staple.getDouble("readers.find { it.reader == 'reader1' }.sensitivity"));
        assertThat(staple.getList("content.lesions")).hasSize(1);

        JsonPath majority = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "majority", "threshold", 0.5)).post("/api/cases/" + f.caseId + "/consensus")
                .then().statusCode(201).extract().jsonPath();
        assertThat(majority.getInt("version")).isEqualTo(2);

        given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + f.caseId + "/consensus/1/approve")
                .then().statusCode(200).body("approved", equalTo(true)).body("approvedBy", equalTo("pi"));
        given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + f.caseId + "/consensus/2/approve")
                .then().statusCode(200);
        JsonPath list = given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/consensus")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("approved")).containsExactly(true, false);

        // majority of {r1, r2 (shifted 2 px), r3 elsewhere} is the overlap of r1 and r2: 18×20 per slice
        JsonPath a = agreement("");
        assertThat(a.getInt("lesions[0].consensusVersion")).isEqualTo(2);
        double r1VsConsensus = a.getDouble("lesions[0].versusConsensus.find { it.reader == 'reader1' }.dice");
        assertThat(r1VsConsensus).isCloseTo(2.0 * 360 / (400 + 360), within(1e-9));
    }

    @Test
    void consensusNeedsTwoSubmittedReadsAndValidInput() {
        saveAndSubmit("reader1", squares(256, 20));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("method", "staple"))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(409)
                .body("message", containsString("at least two submitted reads"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("method", "average"))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(400);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "majority", "threshold", 2)).post("/api/cases/" + f.caseId + "/consensus")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/agreement")
                .then().statusCode(403);
        // the PI edits a consensus by hand: validated like a read
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "edited", "content", squares(256, 16)))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201)
                .body("method", equalTo("EDITED"));
    }

    @Test
    void anEditedConsensusRecordsTheVersionItStartedFrom() {
        saveAndSubmit("reader1", squares(256, 20));
        saveAndSubmit("reader2", squares(256, 24));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("method", "staple"))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("method", "majority"))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201).body("version", equalTo(2));
        // edited from the STAPLE version, although a newer one exists: the new version says so, with its sources
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "edited", "content", squares(256, 18), "basedOn", 1))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201)
                .body("version", equalTo(3)).body("basedOn", equalTo(1))
                .body("sources.reader", containsInAnyOrder("reader1", "reader2"));
        // without basedOn: the newest version
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "edited", "content", squares(256, 18)))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201).body("basedOn", equalTo(3));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "edited", "content", squares(256, 18), "basedOn", 9))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(400)
                .body("message", containsString("version 9"));
        given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/consensus").then()
                .body("size()", equalTo(4));
    }

    @Test
    void theStudyDashboardAggregatesAndExportsCsv() {
        saveAndSubmit("reader1", squares(256, 20));
        saveAndSubmit("reader2", squares(256, 24));
        saveAndSubmit("reader3", squares(256, 20));
        var response = given().auth().oauth2(TestTokens.pi())
                .get("/api/reader-studies/" + f.studyId + "/agreement?outlierBelow=0.9");
        response.then().statusCode(200);
        JsonPath s = exact(response);
        assertThat(s.getList("readers")).containsExactly("reader1", "reader2", "reader3");
        assertThat(s.getDouble("matrix.find { it.a == 'reader1' && it.b == 'reader3' }.meanDice")).isEqualTo(1.0);
        assertThat(s.getBoolean("cases[0].outlier")).isTrue();
        assertThat(s.getInt("submittedReads")).isEqualTo(3);
        assertThat(s.getList("blandAltman")).hasSize(3);
        assertThat(s.getDouble("blandAltman.find { it.a == 'reader1' && it.b == 'reader2' }.diffMl"))
                .isCloseTo(3 * (400 - 576) * voxelMl, within(1e-9));
        String csv = given().auth().oauth2(TestTokens.pi()).accept("text/csv")
                .get("/api/reader-studies/" + f.studyId + "/agreement?table=cases").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("case_id,case,lesion_label,series_uid,readers,"
                + "mean_dice,min_dice,mean_hd95_mm,outlier,volume_ml_reader1,volume_ml_reader2,volume_ml_reader3");
        assertThat(csv.lines().count()).isEqualTo(2);
        given().auth().oauth2(TestTokens.pi()).accept("text/csv")
                .get("/api/reader-studies/" + f.studyId + "/agreement?table=nonsense").then().statusCode(400);
    }
}

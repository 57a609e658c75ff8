package io.delineo.grading;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.dicom.UidGenerator;
import io.delineo.testing.Await;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class GradingApiTest {
    @OidcWireMock
    WireMockServer keycloak;

    @BeforeEach
    void readers() {
        KeycloakDirectoryStub.readers(keycloak);
    }

    /** A case with an approved consensus: a square lesion of {@code size} pixels on slices 1–3 around (cx, cy). */
    static StudyFixture caseWithConsensus(double cx, double cy, double size) {
        StudyFixture f = StudyFixture.openStudy(List.of("reader1"), 5);
        List<Map<String, Object>> contours = new ArrayList<>();
        for (int s = 1; s <= 3; s++) contours.add(square(f.images.get(s), cx, cy, size));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("method", "edited", "content", read(List.of(lesion("L", "primary tumour", contours)))))
                .post("/api/cases/" + f.caseId + "/consensus").then().statusCode(201);
        given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + f.caseId + "/consensus/1/approve")
                .then().statusCode(200);
        return f;
    }

    @Test
    void theShippedModelsAreRegisteredWithTheirCards() {
        JsonPath models = given().auth().oauth2(TestTokens.board()).get("/api/models").then().statusCode(200)
                .extract().jsonPath();
        assertThat(models.getList("id")).contains("pnen-radiomics-demo", "pnen-roi-image-demo");
        assertThat(models.getList("card.researchUseOnly")).containsOnly(true);
        given().auth().oauth2(TestTokens.pi()).get("/api/models/pnen-radiomics-demo/1.0.0").then().statusCode(200)
                .body("task", org.hamcrest.Matchers.equalTo("G1 vs G2/G3"));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/models").then().statusCode(403);
    }

    @Test
    void bothDemoModelsPredictOnTheApprovedConsensusAndPredictionsKeepProvenance() {
        StudyFixture f = caseWithConsensus(300, 260, 24);
        for (String[] model : new String[][]{{"pnen-radiomics-demo", "1.0.0"}, {"pnen-roi-image-demo", "1.0.0"}}) {
            JsonPath p = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                    .body(Map.of("modelId", model[0], "modelVersion", model[1]))
                    .post("/api/cases/" + f.caseId + "/predictions").then().statusCode(201).extract().jsonPath();
            Map<String, Float> probabilities = p.getMap("probabilities");
            assertThat(probabilities.values().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0, within(1e-4));
            assertThat(probabilities).containsKey(p.getString("predictedGrade"));
            assertThat(p.getString("inputHash")).hasSize(64);
            assertThat(p.getInt("consensusVersion")).isEqualTo(1);
        }
        given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/predictions").then().statusCode(200)
                .body("modelId", org.hamcrest.Matchers.contains("pnen-roi-image-demo", "pnen-radiomics-demo"));
        // the board sees predictions of released cases only
        given().auth().oauth2(TestTokens.board()).get("/api/cases/" + f.caseId + "/predictions").then().statusCode(403);
    }

    @Test
    void predictionsNeedAnApprovedConsensusAndAKnownModel() {
        StudyFixture f = StudyFixture.openStudy(List.of("reader1"), 2);
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("modelId", "pnen-radiomics-demo", "modelVersion", "1.0.0"))
                .post("/api/cases/" + f.caseId + "/predictions").then().statusCode(409)
                .body("message", containsString("no approved consensus"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("modelId", "nope", "modelVersion", "1"))
                .post("/api/cases/" + f.caseId + "/predictions").then().statusCode(404);
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON)
                .body(Map.of("modelId", "pnen-radiomics-demo", "modelVersion", "1.0.0"))
                .post("/api/cases/" + f.caseId + "/predictions").then().statusCode(403);
    }

    @Test
    void adminUploadsAreValidatedAndImmutable() throws Exception {
        Path dir = Path.of("../onnx-models/pnen-radiomics-demo");
        byte[] onnx = Files.readAllBytes(dir.resolve("model.onnx"));
        String card = Files.readString(dir.resolve("model-card.json")).replace("\"version\" : \"1.0.0\"",
                "\"version\" : \"1.0.1-upload-test\"");
        given().auth().oauth2(TestTokens.admin()).multiPart("model", "model.onnx", onnx, "application/octet-stream")
                .multiPart("card", card).post("/api/models").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).multiPart("model", "model.onnx", onnx, "application/octet-stream")
                .multiPart("card", card).post("/api/models").then().statusCode(422)
                .body("message", containsString("already registered"));
        String other = card.replace("1.0.1-upload-test", "1.0.2-broken");
        given().auth().oauth2(TestTokens.admin()).multiPart("model", "model.onnx", "not an onnx file".getBytes(),
                        "application/octet-stream").multiPart("card", other).post("/api/models").then().statusCode(422);
        given().auth().oauth2(TestTokens.admin()).get("/api/models").then()
                .body("version", hasItem("1.0.1-upload-test")).body("version", not(hasItem("1.0.2-broken")));
        given().auth().oauth2(TestTokens.pi()).multiPart("model", "model.onnx", onnx, "application/octet-stream")
                .multiPart("card", card).post("/api/models").then().statusCode(403);
    }

    @Test
    void aPiTrainsWithCrossValidationOnGradedCasesAndEvaluatesTheModel() {
        // one study, 12 cases with an approved consensus ROI and a pathology grade
        String studyUid = UidGenerator.newUid();
        long study = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "training " + studyUid.substring(6, 14), "lesionLabels", List.of("primary tumour"),
                        "phases", List.of("CT_PORTAL_VENOUS"), "readers", List.of("reader1")))
                .post("/api/reader-studies").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int n = 0; n < 12; n++) {
            String st = UidGenerator.newUid(), se = UidGenerator.newUid();
            List<byte[]> images = SyntheticDicom.newSeries(4, st, se, "TR-" + n);
            DicomWebClient.stow(TestTokens.pi(), images, null).then().statusCode(200);
            long caseId = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                    .body(Map.of("studyInstanceUid", st, "series", Map.of("CT_PORTAL_VENOUS", se)))
                    .post("/api/reader-studies/" + study + "/cases").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            boolean g1 = n % 2 == 0;
            List<Map<String, Object>> contours = new ArrayList<>();
            for (int s = 1; s <= 2; s++) contours.add(square(images.get(s), g1 ? 260 : 330, g1 ? 300 : 250, 10 + n));
            given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                    .body(Map.of("method", "edited", "content", read(List.of(lesion("L", "primary tumour", contours)))))
                    .post("/api/cases/" + caseId + "/consensus").then().statusCode(201);
            given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + caseId + "/consensus/1/approve")
                    .then().statusCode(200);
            given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                    .body(Map.of("whoGrade", g1 ? "G1" : "G2", "ki67Percent", g1 ? 1.5 : 8))
                    .put("/api/cases/" + caseId + "/pathology").then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("modelId", "study-model", "version", "1"))
                .post("/api/reader-studies/" + study + "/trainings").then().statusCode(409)
                .body("message", containsString("feature job"));
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body("{\"discretisation\": {\"method\": \"FBN\", \"value\": 16}}")
                .post("/api/reader-studies/" + study + "/feature-jobs").then().statusCode(202);
        Await.until("feature job done", () -> "DONE".equals(given().auth().oauth2(TestTokens.pi())
                .get("/api/reader-studies/" + study + "/feature-jobs").jsonPath().getString("[0].status")));

        String modelId = "study-model-" + study;
        JsonPath trained = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("modelId", modelId, "version", "1.0.0", "task", "G1 vs G2/G3", "folds", 3))
                .post("/api/reader-studies/" + study + "/trainings").then().statusCode(201).extract().jsonPath();
        assertThat(trained.getInt("cases")).isEqualTo(12);
        assertThat(trained.getMap("perClass")).containsEntry("G1", 6).containsEntry("G2/G3", 6);
        assertThat(trained.getList("folds")).hasSize(3);
        assertThat(trained.getDouble("cvAuc")).isBetween(0.0, 1.0);
        assertThat(trained.getString("card.trainingData.nature")).isEqualTo("clinical");
        given().auth().oauth2(TestTokens.pi()).get("/api/models").then().body("id", hasItem(modelId));

        JsonPath evaluation = given().auth().oauth2(TestTokens.pi())
                .get("/api/models/" + modelId + "/1.0.0/evaluation?study=" + study).then().statusCode(200)
                .extract().jsonPath();
        assertThat(evaluation.getInt("cases")).isEqualTo(12);
        assertThat(evaluation.getList("evaluation.confusion.counts")).hasSize(2);
        assertThat(evaluation.getDouble("evaluation.microAuc.estimate")).isBetween(0.0, 1.0);
    }
}

package io.delineo.radiomics.jobs;

import io.delineo.archive.DemoArchiveLoader;
import io.delineo.demo.DemoLidcStudyAccess;
import io.delineo.stats.IntraclassCorrelation;
import io.delineo.testing.Await;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;

/** A feature job on the LIDC demo study (2 cases × 4 radiologists): results, CSV and ICC across readers. */
@QuarkusTest
class FeatureJobApiTest {
    static final String SETTINGS = "{\"discretisation\": {\"method\": \"FBS\", \"value\": 25}, "
            + "\"resegmentation\": {\"range\": [-1000, 400]}}";

    @Inject
    DemoArchiveLoader archive;
    @Inject
    DemoLidcStudyAccess lidc;

    @Test
    void aJobComputesEveryReaderRoiAndTheRobustnessFollowsFromTheCsv() {
        Path root = Path.of("demo-data/lidc-idri");
        archive.load(root);
        long study = lidc.studyId(root);

        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body("{\"dimensions\": \"4D\"}")
                .post("/api/reader-studies/" + study + "/feature-jobs").then().statusCode(400)
                .body("message", containsString("settings"));
        long job = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(SETTINGS)
                .post("/api/reader-studies/" + study + "/feature-jobs").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        Await.until("feature job finished", () -> !List.of("QUEUED", "RUNNING").contains(
                given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/" + study + "/feature-jobs/" + job)
                        .jsonPath().getString("status")));
        JsonPath done = given().auth().oauth2(TestTokens.pi())
                .get("/api/reader-studies/" + study + "/feature-jobs/" + job).jsonPath();
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("total")).isEqualTo(8);
        assertThat(done.getInt("done") + done.getInt("skipped")).isEqualTo(8);
        assertThat(done.getInt("failed")).isZero();

        String csv = given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/" + study + "/features.csv")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(9);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).contains("roi_source", "lesion_label");
        int volumeColumn = header.indexOf("YEKZ"); // morphology: volume by voxel counting (IBSI code)
        assertThat(volumeColumn).as("voxel-counting volume column").isPositive();

        // ICC(2,1) of the voxel volume, recomputed here from the CSV rows (cases × readers)
        double[][] ratings = new double[2][4];
        List<String> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (!cases.contains(cells[0])) cases.add(cells[0]);
            int reader = Integer.parseInt(cells[4].substring("reader:lidc-reader-".length())) - 1;
            ratings[cases.indexOf(cells[0])][reader] = Double.parseDouble(cells[volumeColumn]);
        }
        double expected = new IntraclassCorrelation(ratings).icc21(0.95).value();
        JsonPath robustness = given().auth().oauth2(TestTokens.pi())
                .get("/api/reader-studies/" + study + "/feature-robustness").then().statusCode(200).extract().jsonPath();
        assertThat(robustness.getList("groups")).hasSize(1);
        assertThat(robustness.getInt("groups[0].cases")).isEqualTo(2);
        assertThat(robustness.getList("groups[0].readers")).hasSize(4);
        Map<String, Object> volume = robustness.getMap("groups[0].features.find { it.feature == 'YEKZ' }");
        assertThat(((Number) volume.get("icc21")).doubleValue()).isCloseTo(expected, within(1e-5));

        JsonPath selection = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("iccType", "ICC21", "minIcc", 0.0))
                .post("/api/reader-studies/" + study + "/feature-robustness/selection").then().statusCode(200)
                .extract().jsonPath();
        assertThat(selection.getList("features")).isNotEmpty();

        long caseId = Long.parseLong(cases.get(0));
        given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + caseId + "/features?roi=reader:lidc-reader-2")
                .then().statusCode(200).body("[0].roiSource", org.hamcrest.Matchers.equalTo("reader:lidc-reader-2"));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/reader-studies/" + study + "/feature-robustness")
                .then().statusCode(403);
    }
}

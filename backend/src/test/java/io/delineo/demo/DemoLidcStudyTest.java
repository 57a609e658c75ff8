package io.delineo.demo;

import io.delineo.archive.DemoArchiveLoader;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The LIDC-IDRI demo study end to end: archive load, XML import as four readers, agreement through the API, compared
 * with the agreement kernel's own LIDC numbers (which were checked against plastimatch).
 */
@QuarkusTest
class DemoLidcStudyTest {
    @Inject
    DemoArchiveLoader archive;
    @Inject
    DemoLidcStudy lidc;

    @Test
    void fourRadiologistsDisagreeAsPublishedInTheKernelTests() {
        Path root = Path.of("demo-data/lidc-idri");
        archive.load(root);
        lidc.createIfAbsent(root);
        List<Map<String, Object>> studies = given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies")
                .then().statusCode(200).extract().jsonPath().getList("$");
        long id = studies.stream().filter(s -> s.get("name").equals(DemoLidcStudy.NAME))
                .map(s -> ((Number) s.get("id")).longValue()).findFirst().orElseThrow();
        JsonPath cases = given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/" + id + "/cases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(cases.getList("label")).containsExactly("LIDC-IDRI-0001", "LIDC-IDRI-0003");
        assertThat(cases.getList("readStatus.lidc-reader-4")).containsOnly("SUBMITTED");

        // mean pairwise Dice by the voxel-centre rule: 0.8792 (0001) and 0.7699 (0003), from LidcAgreementTest
        double[] expected = {0.8792, 0.7699};
        for (int n = 0; n < 2; n++) {
            long caseId = ((Number) cases.getList("id").get(n)).longValue();
            JsonPath a = new JsonPath(given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + caseId + "/agreement")
                    .then().statusCode(200).extract().asString())
                    .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
            assertThat(a.getList("lesions")).hasSize(1);
            assertThat(a.getList("lesions[0].pairs")).hasSize(6);
            assertThat(a.getDouble("lesions[0].meanDice")).isCloseTo(expected[n], within(5e-5));
        }
        JsonPath summary = given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/" + id + "/agreement")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getList("perReader")).hasSize(4);
        assertThat(summary.getInt("submittedReads")).isEqualTo(8);
    }
}

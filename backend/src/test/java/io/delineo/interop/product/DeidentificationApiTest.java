package io.delineo.interop.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DeidentificationApiTest {
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void uploadsCanBeDeidentifiedWithConsistentUidsAndTheMappingIsKeptForPisOnly() throws Exception {
        String patient = "DEID-" + System.nanoTime();
        List<byte[]> series = SyntheticDicom.newSeries(3, io.delineo.dicom.UidGenerator.newUid(),
                io.delineo.dicom.UidGenerator.newUid(), patient);
        Dataset original = DicomReader.read(series.get(0)).dataset();
        Response r = DicomWebClient.stow(TestTokens.pi(), series, "?deidentify=true&retainDates=true");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.asString());
        String storedSop = body.get("00081199").get("Value").get(0).get("00081155").get("Value").get(0).asText();
        assertThat(storedSop).isNotEqualTo(original.getString(Tags.SOPInstanceUID));

        // nothing under the original identity; one study under a pseudonym, with all three images
        assertThat(given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?PatientID=" + patient)
                .jsonPath().getList("$")).isEmpty();
        String newStudy = body.get("00081190").get("Value").get(0).asText().replaceAll(".*/studies/", "");
        JsonNode studies = JSON.readTree(given().auth().oauth2(TestTokens.pi())
                .get("/dicom-web/studies?StudyInstanceUID=" + newStudy).asString());
        assertThat(studies).hasSize(1);
        assertThat(studies.get(0).get("00201208").get("Value").get(0).asInt()).isEqualTo(3);
        String pseudonym = studies.get(0).get("00100020").get("Value").get(0).asText();
        assertThat(pseudonym).startsWith("DELINEO-");
        // retained dates
        assertThat(studies.get(0).get("00080020").get("Value").get(0).asText())
                .isEqualTo(original.getString(Tags.StudyDate));

        // the stored object says it was de-identified
        JsonNode instances = JSON.readTree(given().auth().oauth2(TestTokens.pi())
                .get("/dicom-web/instances?SOPInstanceUID=" + storedSop + "&includefield=00120062").asString());
        assertThat(instances.get(0).get("00120062").get("Value").get(0).asText()).isEqualTo("YES");

        // mapping: PI and admin can trace back; readers cannot
        given().auth().oauth2(TestTokens.admin()).get("/api/deid/mappings?value=" + patient).then().statusCode(200)
                .body("replacement", org.hamcrest.Matchers.hasItem(pseudonym));
        given().auth().oauth2(TestTokens.pi()).get("/api/deid/mappings?value=" + storedSop).then().statusCode(200)
                .body("original", org.hamcrest.Matchers.hasItem(original.getString(Tags.SOPInstanceUID)));
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/deid/mappings?value=" + patient)
                .then().statusCode(403);

        // the same upload again maps to the same identities: nothing new is stored
        Response again = DicomWebClient.stow(TestTokens.pi(), series, "?deidentify=true&retainDates=true");
        assertThat(JSON.readTree(again.asString()).get("00081199").get("Value").get(0).get("00091001").get("Value")
                .get(0).asText()).contains("already stored");
    }

    @Test
    void anArchivedStudyCanBeCopiedDeidentified() throws Exception {
        String studyUid = io.delineo.dicom.UidGenerator.newUid();
        List<byte[]> series = SyntheticDicom.newSeries(2, studyUid, io.delineo.dicom.UidGenerator.newUid(), "COPY-1");
        DicomWebClient.stow(TestTokens.pi(), series, null).then().statusCode(200);
        JsonNode result = JSON.readTree(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("cleanDescriptors", true)).post("/api/archive/studies/" + studyUid + "/deidentify")
                .then().statusCode(200).extract().asString());
        assertThat(result.get("stored").asInt()).isEqualTo(2);
        String copy = result.get("studyInstanceUid").asText();
        JsonNode found = JSON.readTree(given().auth().oauth2(TestTokens.pi())
                .get("/dicom-web/studies?StudyInstanceUID=" + copy).asString());
        assertThat(found).hasSize(1);
        // clean descriptors: the study description is gone, dates are removed without the retain option
        assertThat(found.get(0).path("00081030").path("Value").isMissingNode()).isTrue();
        assertThat(given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?StudyInstanceUID=" + studyUid)
                .jsonPath().getList("$")).hasSize(1);
    }
}

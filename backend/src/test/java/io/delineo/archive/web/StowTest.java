package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.delineo.testing.ArchiveConsistency;
import io.delineo.testing.AuditRows;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class StowTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;

    static JsonNode body(Response r) throws Exception {
        return JSON.readTree(r.asString());
    }

    static List<JsonNode> items(JsonNode body, String tag) {
        List<JsonNode> out = new ArrayList<>();
        if (body.has(tag)) body.get(tag).get("Value").forEach(out::add);
        return out;
    }

    static String value(JsonNode item, String tag) {
        return item.get(tag).get("Value").get(0).asText();
    }

    @Test
    void storesEveryPartAndAnswersWithTheStoreResponse() throws Exception {
        List<byte[]> series = SyntheticDicom.newSeries(5);
        long before = AuditRows.lastSeq(ds);
        Response r = DicomWebClient.stow(TestTokens.pi(), series, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/dicom+json");
        JsonNode body = body(r);
        List<JsonNode> referenced = items(body, "00081199");
        assertThat(referenced).hasSize(5);
        assertThat(items(body, "00081198")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(value(referenced.get(i), "00081155")).isEqualTo(SyntheticDicom.sopOf(series.get(i)));
            assertThat(value(referenced.get(i), "00081190")).contains("/dicom-web/studies/").endsWith(
                    SyntheticDicom.sopOf(series.get(i)));
        }
        assertThat(value(body, "00081190")).contains("/dicom-web/studies/");
        assertThat(AuditRows.after(ds, before)).filteredOn(a -> a.action().equals("DICOM_STORE"))
                .hasSize(5).allMatch(a -> a.user().equals("pi") && a.outcome().equals("SUCCESS"));
        ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
    }

    @Test
    void theSameObjectAgainIsANoOpAndADifferentOneIsRefusedUnlessReplacing() throws Exception {
        List<byte[]> series = SyntheticDicom.newSeries(1);
        assertThat(DicomWebClient.stow(TestTokens.pi(), series, null).statusCode()).isEqualTo(200);

        Response again = DicomWebClient.stow(TestTokens.pi(), series, null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(value(items(body(again), "00081199").get(0), "00091001")).contains("already stored");

        byte[] changed = SyntheticDicom.withDescription(series.get(0), "edited elsewhere");
        Response conflict = DicomWebClient.stow(TestTokens.pi(), List.of(changed), null);
        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode failed = items(body(conflict), "00081198").get(0);
        assertThat(failed.get("00081197").get("Value").get(0).asInt()).isEqualTo(0x0111);
        assertThat(value(failed, "00091001")).contains("already stored").contains("replacement");

        Response replaced = DicomWebClient.stow(TestTokens.pi(), List.of(changed), "?replace=true");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(value(items(body(replaced), "00081199").get(0), "00091001")).contains("replaced");
        ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
    }

    @Test
    void aMixedRequestStoresTheGoodAndReportsTheBad() throws Exception {
        List<byte[]> objects = new ArrayList<>(SyntheticDicom.newSeries(2));
        objects.add("this is not DICOM".getBytes());
        Response r = DicomWebClient.stow(TestTokens.admin(), objects, null);
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = body(r);
        assertThat(items(body, "00081199")).hasSize(2);
        JsonNode failed = items(body, "00081198").get(0);
        assertThat(failed.get("00081197").get("Value").get(0).asInt()).isEqualTo(0xC000);
        assertThat(value(failed, "00091001")).startsWith("not a readable DICOM object");
        ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
    }

    @Test
    void storingIntoANamedStudyRefusesObjectsOfOtherStudies() throws Exception {
        List<byte[]> series = SyntheticDicom.newSeries(1);
        Response r = io.restassured.RestAssured.given().auth().oauth2(TestTokens.pi())
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + DicomWebClient.BOUNDARY)
                .body(DicomWebClient.multipart(series))
                .post("/dicom-web/studies/1.2.3.4.5");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(value(items(body(r), "00081198").get(0), "00091001")).contains("not to study 1.2.3.4.5");
    }

    @Test
    void readersAndBoardMembersCannotStore() {
        List<byte[]> series = SyntheticDicom.newSeries(1);
        assertThat(DicomWebClient.stow(TestTokens.reader("reader1"), series, null).statusCode()).isEqualTo(403);
        assertThat(DicomWebClient.stow(TestTokens.board(), series, null).statusCode()).isEqualTo(403);
    }
}

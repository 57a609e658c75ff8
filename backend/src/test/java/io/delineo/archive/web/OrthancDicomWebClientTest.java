package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.OrthancProcess;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real DICOMweb client: Debian's Orthanc with its DICOMweb plugin pushes a study to the archive (STOW-RS, with its
 * 73-character multipart boundary) and pulls another one from it (WADO-RS), authenticated with a bearer token.
 * Both arrive byte for byte as sent.
 */
@QuarkusTest
class OrthancDicomWebClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/dicom-web/")
    URL dicomWeb;

    @Test
    void orthancPushesAStudyToTheArchiveAndPullsAnotherBack() throws Exception {
        List<byte[]> pushed = SyntheticDicom.newSeries(3);
        List<byte[]> pulled = SyntheticDicom.newSeries(2);
        Response stored = DicomWebClient.stow(TestTokens.pi(), pulled, null);
        assertThat(stored.statusCode()).as(stored.asString()).isEqualTo(200);

        try (OrthancProcess orthanc = OrthancProcess.start("delineo", dicomWeb.toString(), TestTokens.pi())) {
            String orthancStudy = null;
            for (byte[] object : pushed) {
                HttpResponse<byte[]> r = orthanc.post("/instances", "application/dicom", object);
                assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
                orthancStudy = JSON.readTree(r.body()).get("ParentStudy").asText();
            }

            HttpResponse<byte[]> push = orthanc.post("/dicom-web/servers/delineo/stow", "application/json",
                    json(Map.of("Resources", List.of(orthancStudy))));
            assertThat(push.statusCode()).as(text(push) + "\n" + orthanc.log()).isEqualTo(200);
            Response inArchive = given().auth().oauth2(TestTokens.pi())
                    .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                    .get("/dicom-web/studies/" + uid(pushed.get(0), Tags.StudyInstanceUID));
            assertThat(inArchive.statusCode()).isEqualTo(200);
            assertSameObjects(DicomWebClient.parts(inArchive), pushed);

            String pulledStudy = uid(pulled.get(0), Tags.StudyInstanceUID);
            HttpResponse<byte[]> pull = orthanc.post("/dicom-web/servers/delineo/retrieve", "application/json",
                    json(Map.of("Resources", List.of(Map.of("Study", pulledStudy)))));
            assertThat(pull.statusCode()).as(text(pull) + "\n" + orthanc.log()).isEqualTo(200);
            List<byte[]> inOrthanc = new java.util.ArrayList<>();
            for (byte[] object : pulled) {
                HttpResponse<byte[]> lookup = orthanc.post("/tools/lookup", "text/plain",
                        uid(object, Tags.SOPInstanceUID).getBytes(StandardCharsets.US_ASCII));
                JsonNode found = JSON.readTree(lookup.body());
                assertThat(found).as("Orthanc holds " + uid(object, Tags.SOPInstanceUID)).hasSize(1);
                HttpResponse<byte[]> file = orthanc.get("/instances/" + found.get(0).get("ID").asText() + "/file");
                assertThat(file.statusCode()).isEqualTo(200);
                inOrthanc.add(file.body());
            }
            assertSameObjects(inOrthanc, pulled);
        }
    }

    /** Same SOP Instance UIDs, same pixel data, and in fact the same bytes. */
    private static void assertSameObjects(List<byte[]> actual, List<byte[]> expected) {
        Function<byte[], String> sop = o -> uid(o, Tags.SOPInstanceUID);
        Map<String, byte[]> bySop = actual.stream().collect(Collectors.toMap(sop, o -> o));
        assertThat(bySop.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(sop).toList());
        for (byte[] e : expected) {
            byte[] a = bySop.get(sop.apply(e));
            assertThat(pixels(a)).as("pixel data of " + sop.apply(e)).isEqualTo(pixels(e));
            assertThat(a).as("bytes of " + sop.apply(e)).isEqualTo(e);
        }
    }

    private static byte[] pixels(byte[] object) {
        DicomFile f = DicomReader.read(object);
        return f.dataset().getBytes(Tags.PixelData);
    }

    private static String uid(byte[] object, int tag) {
        return DicomReader.read(object).dataset().getString(tag);
    }

    private static byte[] json(Object value) throws Exception {
        return JSON.writeValueAsBytes(value);
    }

    private static String text(HttpResponse<byte[]> r) {
        return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }
}

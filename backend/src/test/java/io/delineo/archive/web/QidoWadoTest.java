package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.delineo.audit.AccessRecorder;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.testing.AuditRows;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.delineo.dicom.UidGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class QidoWadoTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    AccessRecorder accesses;

    String study, series, patient;
    List<byte[]> objects;

    @BeforeEach
    void storeASeries() {
        study = UidGenerator.newUid();
        series = UidGenerator.newUid();
        patient = "QW-" + study.substring(study.length() - 8);
        objects = SyntheticDicom.newSeries(4, study, series, patient);
        assertThat(DicomWebClient.stow(TestTokens.pi(), objects, null).statusCode()).isEqualTo(200);
    }

    JsonNode qido(String token, String path) throws Exception {
        Response r = given().auth().oauth2(token).accept("application/dicom+json").get(path);
        assertThat(r.statusCode()).as(path + ": " + r.asString()).isEqualTo(200);
        return StowTest.JSON.readTree(r.asString());
    }

    @Test
    void studiesAreFoundByPatientWildcardUidListAndDateRange() throws Exception {
        JsonNode byPatient = qido(TestTokens.pi(), "/dicom-web/studies?PatientID=" + patient);
        assertThat(byPatient).hasSize(1);
        JsonNode s = byPatient.get(0);
        assertThat(StowTest.value(s, "0020000D")).isEqualTo(study);
        assertThat(s.get("00201206").get("Value").get(0).asInt()).isEqualTo(1);
        assertThat(s.get("00201208").get("Value").get(0).asInt()).isEqualTo(4);
        assertThat(StowTest.value(s, "00080061")).isEqualTo("CT");

        assertThat(qido(TestTokens.pi(), "/dicom-web/studies?PatientID=" + patient.substring(0, 6) + "*")
                .findValues("0020000D").toString()).contains(study);
        assertThat(qido(TestTokens.pi(), "/dicom-web/studies?StudyInstanceUID=1.2.999," + study)).hasSize(1);
        String date = StowTest.value(s, "00080020");
        assertThat(qido(TestTokens.pi(), "/dicom-web/studies?PatientID=" + patient + "&StudyDate=" + date + "-"))
                .hasSize(1);
        assertThat(qido(TestTokens.pi(), "/dicom-web/studies?PatientID=" + patient + "&StudyDate=-19000101"))
                .isEmpty();
        assertThat(qido(TestTokens.pi(), "/dicom-web/studies?PatientID=" + patient + "&ModalitiesInStudy=MR"))
                .isEmpty();
        assertThat(qido(TestTokens.pi(), "/dicom-web/studies?00100020=" + patient)).hasSize(1);
    }

    @Test
    void seriesAndInstancesAreListedWithPagingAndIncludefield() throws Exception {
        JsonNode seriesList = qido(TestTokens.pi(), "/dicom-web/studies/" + study + "/series");
        assertThat(seriesList).hasSize(1);
        assertThat(seriesList.get(0).get("00201209").get("Value").get(0).asInt()).isEqualTo(4);
        JsonNode page1 = qido(TestTokens.pi(), "/dicom-web/studies/" + study + "/series/" + series
                + "/instances?limit=3&offset=0");
        JsonNode page2 = qido(TestTokens.pi(), "/dicom-web/studies/" + study + "/series/" + series
                + "/instances?limit=3&offset=3");
        assertThat(page1).hasSize(3);
        assertThat(page2).hasSize(1);
        JsonNode withField = qido(TestTokens.pi(), "/dicom-web/studies/" + study + "/series/" + series
                + "/instances?includefield=ImagePositionPatient&includefield=00280030");
        assertThat(withField.get(0).has("00200032")).isTrue();
        assertThat(withField.get(0).has("00280030")).isTrue();
        JsonNode all = qido(TestTokens.pi(), "/dicom-web/instances?SOPInstanceUID="
                + SyntheticDicom.sopOf(objects.get(0)) + "&includefield=all");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).has("00281052")).as("RescaleIntercept from the stored metadata").isTrue();
    }

    @Test
    void badQueriesAreRefusedWithTheReason() {
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?NoSuchKeyword=1")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("NoSuchKeyword"));
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?SOPInstanceUID=1.2")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("study level"));
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?StudyDate=2020-13")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("date"));
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?limit=0")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("limit"));
    }

    @Test
    void wadoReturnsTheStoredBytesAndMetadata() throws Exception {
        Response r = given().auth().oauth2(TestTokens.pi())
                .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .get("/dicom-web/studies/" + study + "/series/" + series);
        assertThat(r.statusCode()).isEqualTo(200);
        List<byte[]> parts = DicomWebClient.parts(r);
        assertThat(parts).hasSize(4);
        List<String> sent = objects.stream().map(SyntheticDicom::sopOf).sorted().toList();
        List<String> got = new ArrayList<>(parts.stream().map(SyntheticDicom::sopOf).sorted().toList());
        assertThat(got).isEqualTo(sent);
        for (byte[] p : parts) assertThat(objects).anyMatch(o -> java.util.Arrays.equals(o, p));

        JsonNode metadata = StowTest.JSON.readTree(given().auth().oauth2(TestTokens.pi())
                .get("/dicom-web/studies/" + study + "/series/" + series + "/metadata").asString());
        assertThat(metadata).hasSize(4);
        JsonNode pixel = metadata.get(0).get("7FE00010");
        assertThat(pixel.get("BulkDataURI").asText()).endsWith("/bulkdata/7FE00010");

        byte[] viaUri = given().auth().oauth2(TestTokens.pi())
                .get("/wado?requestType=WADO&studyUID=" + study + "&seriesUID=" + series + "&objectUID="
                        + SyntheticDicom.sopOf(objects.get(1)) + "&contentType=application/dicom")
                .then().statusCode(200).contentType("application/dicom").extract().asByteArray();
        assertThat(viaUri).isEqualTo(objects.get(1));
    }

    @Test
    void framesComeBackAsTheDecodedPixels() {
        byte[] object = objects.get(2);
        String sop = SyntheticDicom.sopOf(object);
        Response r = given().auth().oauth2(TestTokens.pi())
                .accept("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")
                .get("/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop + "/frames/1");
        assertThat(r.statusCode()).isEqualTo(200);
        List<byte[]> frames = DicomWebClient.parts(r);
        assertThat(frames).hasSize(1);
        byte[] expected = PixelData.of(DicomReader.read(object)).nativeFrame(0);
        assertThat(frames.get(0)).isEqualTo(expected);
        assertThat(frames.get(0)).hasSize(512 * 512 * 2);

        given().auth().oauth2(TestTokens.pi())
                .get("/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop + "/frames/2")
                .then().statusCode(404);
    }

    @Test
    void readersSeeNothingUnassignedAndRetrievalRefusalsAreAudited() throws Exception {
        assertThat(qido(TestTokens.reader("reader1"), "/dicom-web/studies?PatientID=" + patient)).isEmpty();
        long before = AuditRows.lastSeq(ds);
        given().auth().oauth2(TestTokens.reader("reader1"))
                .get("/dicom-web/studies/" + study + "/series/" + series + "/metadata")
                .then().statusCode(403);
        assertThat(AuditRows.after(ds, before)).anyMatch(a -> a.action().equals("DICOM_RETRIEVE")
                && a.outcome().equals("DENIED") && a.user().equals("reader1") && series.equals(a.resourceId()));
        given().auth().oauth2(TestTokens.board()).get("/dicom-web/studies/" + study).then().statusCode(404);
    }

    @Test
    void searchesAndRetrievalsAreAudited() {
        long before = AuditRows.lastSeq(ds);
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?PatientID=" + patient).then().statusCode(200);
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies/" + study + "/series/" + series + "/metadata")
                .then().statusCode(200);
        assertThat(AuditRows.after(ds, before)).anyMatch(a -> a.action().equals("DICOM_SEARCH") && a.user().equals("pi"));
        // reads are gathered per user, series and window; the event is appended when the window closes
        accesses.closeOpenWindows();
        assertThat(AuditRows.after(ds, before)).anyMatch(a -> a.action().equals(AccessRecorder.ACTION)
                && series.equals(a.resourceId()) && a.details().contains("\"metadataRequests\":1"));
    }

    @Test
    void tagsInTheStoreMatchTheObject() {
        byte[] object = objects.get(0);
        assertThat(DicomReader.read(object).dataset().getString(Tags.PatientID)).isEqualTo(patient);
    }
}

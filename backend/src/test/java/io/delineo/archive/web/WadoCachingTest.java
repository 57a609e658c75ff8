package io.delineo.archive.web;

import io.agroal.api.AgroalDataSource;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames are read from the byte ranges recorded at ingest (or parsed for rows without them), and instance content
 * carries a strong ETag with {@code Cache-Control: private, immutable}, answered with 304 when the client has it.
 */
@QuarkusTest
class WadoCachingTest {
    static final String FRAMES_ACCEPT = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    @Inject
    AgroalDataSource ds;

    @Test
    void framesComeFromRecordedRangesAndOldRowsAreParsed() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(2);
        assertThat(DicomWebClient.stow(TestTokens.pi(), objects, null).statusCode()).isEqualTo(200);
        for (byte[] object : objects) {
            String sop = SyntheticDicom.sopOf(object);
            assertThat(ranges(sop)).as("ranges recorded at ingest").isEqualTo(2);
            byte[] expected = PixelData.of(DicomReader.read(object)).nativeFrame(0);
            assertThat(frame(object)).isEqualTo(expected);
            // a row stored before ranges were recorded
            update("UPDATE instance SET frame_ranges = NULL WHERE sop_instance_uid = ?", sop);
            assertThat(ranges(sop)).isZero();
            assertThat(frame(object)).isEqualTo(expected);
        }
    }

    @Test
    void instanceContentHasAStrongEtagAndA304WhenUnchanged() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(1);
        assertThat(DicomWebClient.stow(TestTokens.pi(), objects, null).statusCode()).isEqualTo(200);
        String path = instancePath(objects.get(0));
        for (String[] request : new String[][] {
                {path + "/frames/1", FRAMES_ACCEPT},
                {path, "multipart/related; type=\"application/dicom\"; transfer-syntax=*"},
                {path.substring(0, path.indexOf("/instances/")), "multipart/related; type=\"application/dicom\""},
                {path + "/bulkdata/7FE00010", FRAMES_ACCEPT}}) {
            Response first = given().auth().oauth2(TestTokens.pi())
                    .accept(request[1]).get(request[0]);
            assertThat(first.statusCode()).as(request[0]).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as("strong ETag of " + request[0]).matches("\"[0-9a-f]{32}\"");
            assertThat(first.header("Cache-Control")).isEqualTo("private, immutable");
            Response again = given().auth().oauth2(TestTokens.pi()).accept(request[1]).get(request[0]);
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(again.asByteArray()).as("same tag, same bytes").isEqualTo(first.asByteArray());
            Response revalidated = given().auth().oauth2(TestTokens.pi()).accept(request[1])
                    .header("If-None-Match", "\"0000\", " + etag).get(request[0]);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.header("ETag")).isEqualTo(etag);
            assertThat(revalidated.asByteArray()).isEmpty();
            given().auth().oauth2(TestTokens.pi()).accept(request[1]).header("If-None-Match", "\"0000\"")
                    .get(request[0]).then().statusCode(200);
        }
        // a reader without an assignment gets no 304 either: access is checked before the tag
        Response first = given().auth().oauth2(TestTokens.pi()).accept(FRAMES_ACCEPT).get(path + "/frames/1");
        given().auth().oauth2(TestTokens.reader("reader-without-cases")).accept(FRAMES_ACCEPT)
                .header("If-None-Match", first.header("ETag")).get(path + "/frames/1").then().statusCode(403);
    }

    private static byte[] frame(byte[] object) {
        Response r = given().auth().oauth2(TestTokens.pi()).accept(FRAMES_ACCEPT).get(instancePath(object) + "/frames/1");
        assertThat(r.statusCode()).isEqualTo(200);
        List<byte[]> parts = DicomWebClient.parts(r);
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    private static String instancePath(byte[] object) {
        var ds = DicomReader.read(object).dataset();
        return "/dicom-web/studies/" + ds.getString(io.delineo.dicom.Tags.StudyInstanceUID) + "/series/"
                + ds.getString(io.delineo.dicom.Tags.SeriesInstanceUID) + "/instances/"
                + ds.getString(io.delineo.dicom.Tags.SOPInstanceUID);
    }

    private int ranges(String sop) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(array_length(frame_ranges, 1), 0) FROM instance WHERE sop_instance_uid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void update(String sql, String sop) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sop);
            ps.executeUpdate();
        }
    }
}

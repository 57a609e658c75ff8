package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UidGenerator;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pixel data that does not match its transfer syntax is refused at STOW with a reason and nothing stored, so no
 * frame or bulk data request can fail on it later; an instance without pixel data has no frames (404).
 */
@QuarkusTest
class UnservablePixelDataRefusedTest {
    static final Path FILES = StowFuzzAndConformanceTest.CONFORMANCE;

    static DicomFile fresh(String name) throws Exception {
        DicomFile f = DicomReader.read(Files.readAllBytes(FILES.resolve(name)));
        for (int tag : new int[]{Tags.SOPInstanceUID, Tags.SeriesInstanceUID, Tags.StudyInstanceUID}) {
            f.dataset().setString(tag, VR.UI, UidGenerator.newUid());
        }
        return f;
    }

    static byte[] bytes(DicomFile f, TransferSyntax ts) {
        return DicomWriter.toBytes(DicomFile.of(f.dataset(), ts));
    }

    /** STOWs one object; returns the failure message, or null when it was stored. */
    static String stowOne(byte[] object) throws Exception {
        Response r = DicomWebClient.stow(TestTokens.pi(), List.of(object), null);
        assertThat(r.statusCode()).as(r.asString()).isIn(200, 409);
        JsonNode body = StowTest.body(r);
        List<JsonNode> failed = StowTest.items(body, "00081198");
        return failed.isEmpty() ? null : StowTest.value(failed.get(0), "00091001");
    }

    static void assertNotIndexed(DicomFile f) {
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies/" + f.dataset().getString(Tags.StudyInstanceUID)
                + "/metadata").then().statusCode(404);
    }

    @Test
    void jpegBytesLabelledRleAreRefused() throws Exception {
        DicomFile jpeg = fresh("SC_rgb_jpeg_dcmtk.dcm");
        String why = stowOne(bytes(jpeg, TransferSyntax.RLE_LOSSLESS));
        assertThat(why).contains("pixel data refused").contains("RLE");
        assertNotIndexed(jpeg);
    }

    @Test
    void truncatedRleSegmentsAreRefused() throws Exception {
        DicomFile rle = fresh("MR_small_RLE.dcm");
        Fragments original = rle.dataset().get(Tags.PixelData).fragments();
        Fragments cut = new Fragments(original.basicOffsetTable());
        for (byte[] fragment : original.list()) cut.add(Arrays.copyOf(fragment, fragment.length / 2));
        rle.dataset().setFragments(Tags.PixelData, cut);
        String why = stowOne(bytes(rle, TransferSyntax.RLE_LOSSLESS));
        assertThat(why).contains("pixel data refused");
        assertNotIndexed(rle);
    }

    @Test
    void garbageLabelledJpeg2000IsRefused() throws Exception {
        DicomFile j2k = fresh("MR_small_jp2klossless.dcm");
        Fragments junk = new Fragments();
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        junk.add(noise);
        j2k.dataset().setFragments(Tags.PixelData, junk);
        String why = stowOne(bytes(j2k, TransferSyntax.JPEG_2000_LOSSLESS));
        assertThat(why).contains("pixel data refused").contains("JPEG 2000");
        assertNotIndexed(j2k);
    }

    @Test
    void aJpeg2000CodestreamThatDoesNotDecodeIsRefused() throws Exception {
        DicomFile j2k = fresh("MR_small_jp2klossless.dcm");
        byte[] stream = j2k.dataset().get(Tags.PixelData).fragments().get(0);
        Fragments cut = new Fragments();
        cut.add(Arrays.copyOf(stream, 200));
        j2k.dataset().setFragments(Tags.PixelData, cut);
        assertThat(stowOne(bytes(j2k, TransferSyntax.JPEG_2000_LOSSLESS))).contains("pixel data refused");
        assertNotIndexed(j2k);
    }

    @Test
    void soundCompressedObjectsAreStoredAndServeEveryFrame() throws Exception {
        for (String name : List.of("MR_small_RLE.dcm", "MR_small_jp2klossless.dcm", "SC_rgb_rle_2frame.dcm",
                "JPEG-lossy.dcm", "MR_small_jpeg_ls_lossless.dcm")) {
            DicomFile f = fresh(name);
            byte[] object = DicomWriter.toBytes(f);
            assertThat(stowOne(object)).as(name).isNull();
            String path = "/dicom-web/studies/" + f.dataset().getString(Tags.StudyInstanceUID) + "/series/"
                    + f.dataset().getString(Tags.SeriesInstanceUID) + "/instances/"
                    + f.dataset().getString(Tags.SOPInstanceUID);
            int frames = Math.max(1, f.dataset().getInt(Tags.NumberOfFrames, 1));
            for (int n = 1; n <= frames; n++) {
                int status = given().auth().oauth2(TestTokens.pi()).get(path + "/frames/" + n).statusCode();
                // JPEG-LS has no Java decoder: 406 with a reason; the browser asks for transfer-syntax=* instead
                assertThat(status).as(name + " frame " + n).isIn(200, 406);
                given().auth().oauth2(TestTokens.pi()).accept("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")
                        .get(path + "/frames/" + n).then().statusCode(200);
            }
            int bulk = given().auth().oauth2(TestTokens.pi()).get(path + "/bulkdata/7FE00010").statusCode();
            assertThat(bulk).as(name + " bulk data").isIn(200, 406);
        }
    }

    @Test
    void anRtStructHasNoFramesAndNoPixelBulkData() throws Exception {
        DicomFile rs = fresh("rtstruct.dcm");
        assertThat(stowOne(DicomWriter.toBytes(rs))).isNull();
        String path = "/dicom-web/studies/" + rs.dataset().getString(Tags.StudyInstanceUID) + "/series/"
                + rs.dataset().getString(Tags.SeriesInstanceUID) + "/instances/"
                + rs.dataset().getString(Tags.SOPInstanceUID);
        Response bulk = given().auth().oauth2(TestTokens.pi()).get(path + "/bulkdata/7FE00010");
        assertThat(bulk.statusCode()).isEqualTo(404);
        assertThat(bulk.jsonPath().getString("message")).contains("no pixel data");
        assertThat(given().auth().oauth2(TestTokens.pi()).get(path + "/frames/1").statusCode()).isEqualTo(404);
    }

    @Test
    void anEmptyFrameListIsABadRequest() throws Exception {
        DicomFile mr = fresh("MR_small.dcm");
        assertThat(stowOne(DicomWriter.toBytes(mr))).isNull();
        String path = "/dicom-web/studies/" + mr.dataset().getString(Tags.StudyInstanceUID) + "/series/"
                + mr.dataset().getString(Tags.SeriesInstanceUID) + "/instances/"
                + mr.dataset().getString(Tags.SOPInstanceUID);
        for (String list : List.of(",", "1,", ",1")) {
            Response r = given().auth().oauth2(TestTokens.pi()).get(path + "/frames/" + list);
            assertThat(r.statusCode()).as(list).isEqualTo(400);
            assertThat(r.jsonPath().getString("message")).contains("1-based numbers separated by commas");
        }
    }
}

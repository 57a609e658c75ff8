package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.testing.ArchiveConsistency;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear per-instance failure and leaves nothing behind. */
@QuarkusTest
class StowBadInputTest {
    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;

    @AfterEach
    void nothingHalfWritten() throws Exception {
        ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
    }

    static String refusal(byte[] object) throws Exception {
        Response r = DicomWebClient.stow(TestTokens.pi(), List.of(object), null);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
        JsonNode failed = StowTest.items(StowTest.body(r), "00081198").get(0);
        return StowTest.value(failed, "00091001");
    }

    static byte[] good() {
        return SyntheticDicom.newSeries(1).get(0);
    }

    @Test
    void nonDicomBytes() throws Exception {
        assertThat(refusal("GIF89a not an image we store".getBytes())).startsWith("not a readable DICOM object");
        assertThat(refusal(new byte[0])).startsWith("not a readable DICOM object");
    }

    @Test
    void truncatedFiles() throws Exception {
        byte[] object = good();
        assertThat(refusal(Arrays.copyOf(object, object.length / 2))).startsWith("not a readable DICOM object");
        assertThat(refusal(Arrays.copyOf(object, 300))).startsWith("not a readable DICOM object");
    }

    @Test
    void lengthsBeyondTheEndAndAbsurdLengths() throws Exception {
        byte[] object = good();
        int at = indexOf(object, new byte[]{0x10, 0x00, 0x10, 0x00, 'P', 'N'}); // (0010,0010) PatientName, explicit VR
        assertThat(at).isPositive();
        byte[] beyond = object.clone();
        ByteBuffer.wrap(beyond, at + 6, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x7ffe);
        assertThat(refusal(beyond)).startsWith("not a readable DICOM object");

        int pixel = indexOf(object, new byte[]{(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W'});
        byte[] absurd = object.clone();
        ByteBuffer.wrap(absurd, pixel + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7ffffff0);
        assertThat(refusal(absurd)).startsWith("not a readable DICOM object");
    }

    @Test
    void missingUidsAndMismatchedMeta() throws Exception {
        DicomFile f = DicomReader.read(good());
        Dataset ds = f.dataset();
        ds.remove(Tags.SeriesInstanceUID);
        assertThat(refusal(DicomWriter.toBytes(DicomFile.of(ds, f.transferSyntax())))).isEqualTo("missing SeriesInstanceUID");

        DicomFile g = DicomReader.read(good());
        g.dataset().setString(Tags.StudyInstanceUID, "1.2.03.4");
        assertThat(refusal(DicomWriter.toBytes(DicomFile.of(g.dataset(), g.transferSyntax()))))
                .contains("StudyInstanceUID '1.2.03.4' is not a valid UID");
    }

    @Test
    void pixelDataShorterThanItsDescription() throws Exception {
        DicomFile f = DicomReader.read(good());
        f.dataset().setBytes(Tags.PixelData, io.delineo.dicom.VR.OW, new byte[1000]);
        assertThat(refusal(DicomWriter.toBytes(DicomFile.of(f.dataset(), f.transferSyntax()))))
                .contains("pixel data has 1000 bytes");
    }

    @Test
    void unknownTransferSyntax() throws Exception {
        byte[] object = good();
        String explicit = "1.2.840.10008.1.2.1";
        int at = indexOf(object, (explicit + "\0").getBytes());
        byte[] unknown = object.clone();
        System.arraycopy("1.2.840.10008.9.9".getBytes(), 0, unknown, at, "1.2.840.10008.9.9".length());
        unknown[at + 17] = 0;
        unknown[at + 18] = 0;
        unknown[at + 19] = 0;
        assertThat(refusal(unknown)).containsIgnoringCase("transfer syntax");
    }

    @Test
    void deflateBombIsRefusedWithBoundedMemory() throws Exception {
        // a deflated data set that inflates to 4 GiB of zeros: must be refused, not inflated
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes());
        byte[] ts = "1.2.840.10008.1.2.1.99\0".getBytes();
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        meta.write(new byte[]{0x02, 0x00, 0x10, 0x00, 'U', 'I', (byte) ts.length, 0});
        meta.write(ts);
        out.write(new byte[]{0x02, 0x00, 0x00, 0x00, 'U', 'L', 4, 0});
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        out.write(meta.toByteArray());
        DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9, true));
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < 4096; i++) z.write(zeros);
        z.finish();
        String reason = refusal(out.toByteArray());
        assertThat(reason).startsWith("not a readable DICOM object");
    }

    @Test
    void malformedMultipartAndWrongMediaType() {
        given().auth().oauth2(TestTokens.pi())
                .contentType("multipart/related; type=\"application/dicom\"; boundary=abc")
                .body("no boundary in here".getBytes())
                .post("/dicom-web/studies").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("malformed multipart"));
        given().auth().oauth2(TestTokens.pi())
                .contentType("multipart/related; type=\"application/dicom+json\"; boundary=abc")
                .body("--abc--\r\n".getBytes())
                .post("/dicom-web/studies").then().statusCode(415);
        given().auth().oauth2(TestTokens.pi())
                .contentType("multipart/related; type=\"application/dicom\"; boundary=abc")
                .body("--abc--\r\n".getBytes())
                .post("/dicom-web/studies").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("no DICOM parts"));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

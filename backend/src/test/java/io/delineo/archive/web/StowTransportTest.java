package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.delineo.testing.ArchiveConsistency;
import io.delineo.testing.AuditRows;
import io.delineo.testing.Await;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOW-RS over the wire as real clients send it: long and quoted boundaries, transport padding, no final CRLF; and
 * broken transports (wrong boundary, truncated parts, a lying Content-Length, a client that hangs up mid-upload):
 * a clear 4xx or per-instance failure, nothing half-written, and the server keeps answering.
 */
@QuarkusTest
class StowTransportTest {
    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;
    @TestHTTPResource("/")
    URL portal;

    @AfterEach
    void nothingHalfWrittenAndStillServing() {
        Await.until("the archive is consistent (no temporary files, no half-indexed study)", () -> {
            try {
                ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
                return true;
            } catch (Exception | AssertionError e) {
                return false;
            }
        });
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?limit=1").then().statusCode(200);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Response post(String contentType, byte[] body) {
        return given().auth().oauth2(TestTokens.pi()).contentType(contentType).body(body).post("/dicom-web/studies");
    }

    @Test
    void aLongQuotedBoundaryWithPaddingAndNoFinalCrlfIsStored() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(2);
        String boundary = "Orthanc-like-" + "0123456789abcdef".repeat(3) + "-" + "x".repeat(11); // 73 characters
        assertThat(boundary).hasSize(73);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] o : objects) {
            body.writeBytes(ascii("--" + boundary + "  \t\r\nContent-Type: application/dicom\r\n\r\n"));
            body.writeBytes(o);
            body.writeBytes(ascii("\r\n"));
        }
        body.writeBytes(ascii("--" + boundary + "--"));
        Response r = post("multipart/related; type=\"application/dicom\"; boundary=\"" + boundary + "\"",
                body.toByteArray());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(StowTest.items(StowTest.body(r), "00081199")).hasSize(2);
    }

    @Test
    void wrongOrMissingBoundariesAreRefusedWithTheReason() {
        byte[] body = DicomWebClient.multipart(SyntheticDicom.newSeries(1));
        post("multipart/related; type=\"application/dicom\"; boundary=not-the-one", body).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("does not contain the boundary"));
        post("multipart/related; type=\"application/dicom\"", body).then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("no boundary parameter"));
        post("multipart/related; type=\"application/dicom\"; boundary=\"caf\u00e9\"", body).then().statusCode(400);
    }

    @Test
    void aTruncatedLastPartFailsAloneAndTheCompleteOneIsStored() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(2);
        byte[] full = DicomWebClient.multipart(objects);
        byte[] truncated = Arrays.copyOf(full, full.length - objects.get(1).length / 2);
        Response r = post("multipart/related; type=\"application/dicom\"; boundary=" + DicomWebClient.BOUNDARY,
                truncated);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        JsonNode body = StowTest.body(r);
        assertThat(StowTest.items(body, "00081199")).hasSize(1);
        assertThat(StowTest.value(StowTest.items(body, "00081198").get(0), "00091001")).contains("truncated");
        assertThat(stored(SyntheticDicom.sopOf(objects.get(0)))).isTrue();
        assertThat(stored(SyntheticDicom.sopOf(objects.get(1)))).isFalse();
    }

    @Test
    void aContentLengthLongerThanTheBodyAndAHangUpLeaveNothingBehind() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(2);
        byte[] full = DicomWebClient.multipart(objects);
        byte[] sent = Arrays.copyOf(full, full.length - objects.get(1).length / 2);
        long before = AuditRows.lastSeq(ds);
        try (Socket s = new Socket(portal.getHost(), portal.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(ascii(headers(full.length + 100_000) + "\r\n"));
            out.write(sent);
            out.flush();
        }
        Await.until("the interrupted upload was refused", () -> storeFailedSince(before));
        assertThat(stored(SyntheticDicom.sopOf(objects.get(1)))).isFalse();
    }

    @Test
    void aClientHangingUpInTheMiddleOfAChunkedUploadLeavesNothingBehind() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(1);
        byte[] full = DicomWebClient.multipart(objects);
        long before = AuditRows.lastSeq(ds);
        try (Socket s = new Socket(portal.getHost(), portal.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(ascii(headers(-1) + "Transfer-Encoding: chunked\r\n\r\n"));
            int half = full.length / 2;
            out.write(ascii(Integer.toHexString(half) + "\r\n"));
            out.write(full, 0, half);
            out.write(ascii("\r\n"));
            out.flush();
        }
        Await.until("the interrupted upload was refused", () -> storeFailedSince(before));
        assertThat(stored(SyntheticDicom.sopOf(objects.get(0)))).isFalse();
    }

    @Test
    void aContentLengthShorterThanTheBodyGetsAClearAnswer() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(1);
        byte[] full = DicomWebClient.multipart(objects);
        int claimed = full.length - 1000;
        try (Socket s = new Socket(portal.getHost(), portal.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(ascii(headers(claimed) + "\r\n"));
            out.write(full);
            out.flush();
            String status = statusLine(s.getInputStream());
            // the body the server sees ends inside the part: the instance fails, nothing is stored
            assertThat(status).matches("HTTP/1\\.1 (409|400) .*");
        }
        assertThat(stored(SyntheticDicom.sopOf(objects.get(0)))).isFalse();
    }

    private String headers(long contentLength) {
        return "POST /dicom-web/studies HTTP/1.1\r\nHost: " + portal.getHost() + ":" + portal.getPort() + "\r\n"
                + "Authorization: Bearer " + TestTokens.pi() + "\r\n"
                + "Content-Type: multipart/related; type=\"application/dicom\"; boundary=" + DicomWebClient.BOUNDARY
                + "\r\n" + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "");
    }

    private static String statusLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') line.write(c);
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The server noticed the broken upload: it recorded a failed store. */
    private boolean storeFailedSince(long seq) {
        return AuditRows.after(ds, seq).stream()
                .anyMatch(r -> r.action().equals("DICOM_STORE") && r.outcome().equals("FAILED"));
    }

    private boolean stored(String sop) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM instance WHERE sop_instance_uid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

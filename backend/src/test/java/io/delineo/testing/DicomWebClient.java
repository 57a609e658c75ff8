package io.delineo.testing;

import io.delineo.archive.web.MultipartRelatedReader;
import io.restassured.response.Response;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/** STOW-RS bodies and multipart responses for API tests. */
public final class DicomWebClient {
    public static final String BOUNDARY = "test-boundary-7f3a";

    private DicomWebClient() {
    }

    public static byte[] multipart(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] o : objects) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(o);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    public static Response stow(String token, List<byte[]> objects, String query) {
        return given().auth().oauth2(token)
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .body(multipart(objects))
                .when().post("/dicom-web/studies" + (query == null ? "" : query));
    }

    public static List<byte[]> parts(Response response) {
        try {
            String boundary = MultipartRelatedReader.boundaryOf(response.getContentType());
            MultipartRelatedReader reader = new MultipartRelatedReader(
                    new ByteArrayInputStream(response.asByteArray()), boundary);
            List<byte[]> parts = new ArrayList<>();
            MultipartRelatedReader.Part p;
            while ((p = reader.next()) != null) parts.add(p.body().readAllBytes());
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> demoCtFiles() {
        try (Stream<Path> s = Files.list(Path.of("demo-data/pancreatic-ct"))) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

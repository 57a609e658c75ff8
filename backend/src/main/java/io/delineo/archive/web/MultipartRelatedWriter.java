package io.delineo.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes a {@code multipart/related} body part by part (WADO-RS responses), streaming each part's bytes. */
public final class MultipartRelatedWriter {
    private final OutputStream out;
    private final String boundary;

    public MultipartRelatedWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    public static String newBoundary() {
        return "delineo-" + UUID.randomUUID();
    }

    /** The response Content-Type for parts of the given type. */
    public static String contentType(String partType, String boundary) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    public void part(String contentType, String contentLocation, byte[] body) throws IOException {
        header(contentType, contentLocation, body.length);
        out.write(body);
        out.write(CRLF);
    }

    public void part(String contentType, String contentLocation, long length, InputStream body) throws IOException {
        header(contentType, contentLocation, length);
        body.transferTo(out);
        out.write(CRLF);
    }

    public void finish() throws IOException {
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void header(String contentType, String contentLocation, long length) throws IOException {
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n");
        h.append("Content-Type: ").append(contentType).append("\r\n");
        if (contentLocation != null) h.append("Content-Location: ").append(contentLocation).append("\r\n");
        h.append("Content-Length: ").append(length).append("\r\n\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static final byte[] CRLF = {'\r', '\n'};
}

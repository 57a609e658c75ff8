package io.delineo.archive.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartRelatedReaderTest {
    private static final String B = "xYz-boundary";

    static byte[] body(String preamble, List<byte[]> parts, boolean close) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] p : parts) {
            out.writeBytes(("--" + B + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (close) out.writeBytes(("--" + B + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Hands out the body in random small pieces, so boundaries fall across reads. */
    static InputStream trickle(byte[] data, long seed) {
        Random r = new Random(seed);
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.max(1, Math.min(len, 1 + r.nextInt(97))));
            }
        };
    }

    static List<byte[]> readAll(InputStream in) throws IOException {
        MultipartRelatedReader reader = new MultipartRelatedReader(in, B);
        List<byte[]> parts = new ArrayList<>();
        MultipartRelatedReader.Part p;
        while ((p = reader.next()) != null) {
            assertThat(p.contentType()).isEqualTo("application/dicom");
            parts.add(p.body().readAllBytes());
        }
        return parts;
    }

    @Test
    void readsEveryPartExactlyIncludingBinaryLookalikes() throws IOException {
        Random r = new Random(7);
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] p = new byte[r.nextInt(200_000)];
            r.nextBytes(p);
            parts.add(p);
        }
        // a part containing an almost-boundary and CRLFs
        parts.add(("\r\n--" + B.substring(0, B.length() - 1) + "Q\r\n--").getBytes(StandardCharsets.ISO_8859_1));
        parts.add(new byte[0]);
        for (long seed = 0; seed < 5; seed++) {
            List<byte[]> read = readAll(trickle(body("preamble to ignore\r\n", parts, true), seed));
            assertThat(read).hasSize(parts.size());
            for (int i = 0; i < parts.size(); i++) assertThat(read.get(i)).isEqualTo(parts.get(i));
        }
    }

    @Test
    void unreadPartsAreSkipped() throws IOException {
        List<byte[]> parts = List.of("one".getBytes(), "two".getBytes(), "three".getBytes());
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(body("", parts, true)), B);
        reader.next();
        reader.next();
        assertThat(reader.next().body().readAllBytes()).isEqualTo("three".getBytes());
        assertThat(reader.next()).isNull();
    }

    @Test
    void truncatedAndBoundarylessBodiesAreRefused() {
        byte[] truncated = body("", List.of("abcdef".getBytes()), false);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(truncated)))
                .isInstanceOf(MultipartRelatedReader.MalformedMultipartException.class);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream("no boundary here at all".getBytes())))
                .isInstanceOf(MultipartRelatedReader.MalformedMultipartException.class);
        byte[] endsInHeaders = ("--" + B + "\r\nContent-Type: appl").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(endsInHeaders)))
                .isInstanceOf(MultipartRelatedReader.MalformedMultipartException.class);
    }

    @Test
    void boundaryParameterIsRequired() throws IOException {
        assertThat(MultipartRelatedReader.boundaryOf("multipart/related; type=\"application/dicom\"; boundary=\"a b\""))
                .isEqualTo("a b");
        assertThatThrownBy(() -> MultipartRelatedReader.boundaryOf("multipart/related; type=application/dicom"))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> MultipartRelatedReader.boundaryOf("application/dicom"))
                .hasMessageContaining("multipart/related");
    }

    static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> partsOf(String boundary, String text) throws IOException {
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(raw(text)), boundary);
        List<String> parts = new ArrayList<>();
        MultipartRelatedReader.Part p;
        while ((p = reader.next()) != null) parts.add(new String(p.body().readAllBytes(), StandardCharsets.ISO_8859_1));
        return parts;
    }

    @Test
    void boundariesLongerThanRfc2046sSeventyAreAccepted() throws IOException {
        String orthancLike = "a".repeat(36) + "-" + "0123456789abcdef0123456789abcdef0123"; // 73 characters
        assertThat(orthancLike).hasSize(73);
        String header = "multipart/related; type=\"application/dicom\"; boundary=" + orthancLike;
        assertThat(MultipartRelatedReader.boundaryOf(header)).isEqualTo(orthancLike);
        String text = "--" + orthancLike + "\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--" + orthancLike
                + "\r\n\r\nsecond\r\n--" + orthancLike + "--\r\n";
        assertThat(partsOf(orthancLike, text)).containsExactly("first", "second");
        String longest = "b".repeat(MultipartRelatedReader.MAX_BOUNDARY_LENGTH);
        assertThat(MultipartRelatedReader.boundaryOf("multipart/related; boundary=" + longest)).isEqualTo(longest);
    }

    @Test
    void quotedBoundariesMayHoldSeparatorsAndEscapes() throws IOException {
        assertThat(MultipartRelatedReader.boundaryOf("multipart/related; boundary=\"x;y=z, w\"; type=application/dicom"))
                .isEqualTo("x;y=z, w");
        assertThat(MultipartRelatedReader.boundaryOf("Multipart/Related;boundary=\"q\\\"uote\""))
                .isEqualTo("q\"uote");
        assertThat(MultipartRelatedReader.parameter("multipart/related; boundary=\"x;y\"; type=\"application/dicom\"",
                "type")).isEqualTo("application/dicom");
        assertThat(partsOf("x;y=z, w", "--x;y=z, w\r\n\r\nbody\r\n--x;y=z, w--")).containsExactly("body");
    }

    @Test
    void transportPaddingAfterBoundariesIsIgnored() throws IOException {
        String text = "--" + B + " \t \r\nContent-Type: application/dicom\r\n\r\none\r\n--" + B + "\t\r\n\r\ntwo\r\n--"
                + B + "--   \r\nepilogue";
        assertThat(partsOf(B, text)).containsExactly("one", "two");
    }

    @Test
    void aMissingFinalCrlfOrCloseMarkerAfterTheLastBoundaryIsAccepted() throws IOException {
        assertThat(partsOf(B, "--" + B + "\r\n\r\nonly\r\n--" + B + "--")).containsExactly("only");
        assertThat(partsOf(B, "--" + B + "\r\n\r\nonly\r\n--" + B)).containsExactly("only");
        assertThat(partsOf(B, "--" + B + "\r\n\r\nonly\r\n--" + B + "  ")).containsExactly("only");
    }

    @Test
    void garbageIsStillRefusedWithAReason() {
        assertThatThrownBy(() -> MultipartRelatedReader.boundaryOf("multipart/related; boundary="))
                .hasMessageContaining("no boundary");
        assertThatThrownBy(() -> MultipartRelatedReader.boundaryOf("multipart/related; boundary=" + "c".repeat(257)))
                .hasMessageContaining("257 characters");
        assertThatThrownBy(() -> MultipartRelatedReader.boundaryOf("multipart/related; boundary=\"a\u00e9b\""))
                .hasMessageContaining("not printable ASCII");
        assertThatThrownBy(() -> partsOf(B, "--" + B + "XYZ\r\n\r\nbody\r\n--" + B + "--"))
                .isInstanceOf(MultipartRelatedReader.MalformedMultipartException.class)
                .hasMessageContaining("instead of CRLF");
        assertThatThrownBy(() -> partsOf("other-boundary", "--" + B + "\r\n\r\nbody\r\n--" + B + "--"))
                .hasMessageContaining("does not contain the boundary");
        assertThatThrownBy(() -> partsOf(B, "--" + B + "\r\n\r\nbody that never ends"))
                .hasMessageContaining("truncated");
    }
}

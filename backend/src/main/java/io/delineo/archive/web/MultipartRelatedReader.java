package io.delineo.archive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the parts of a {@code multipart/related} body (RFC 2387 / RFC 2046) one after the other, so an upload of
 * any size passes through with a fixed buffer. Each part's body must be read (or skipped) before asking for the next.
 */
public final class MultipartRelatedReader {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** One part: its headers (names lower-case) and a stream that ends at the next boundary. */
    public record Part(Map<String, String> headers, InputStream body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** Raised for a body that does not follow the multipart syntax. */
    public static final class MalformedMultipartException extends IOException {
        public MalformedMultipartException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    /** Horspool shift per byte value: how far the window may move when that byte ends it. */
    private final int[] skip = new int[256];
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean finished;
    private PartStream current;

    public MultipartRelatedReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        java.util.Arrays.fill(skip, delimiter.length);
        for (int j = 0; j < delimiter.length - 1; j++) skip[delimiter[j] & 0xff] = delimiter.length - 1 - j;
        // a virtual CRLF in front lets the first boundary match the same delimiter as the others
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /**
     * Longest boundary accepted. RFC 2046 allows 70 characters, but real clients send more (Orthanc's DICOMweb client
     * sends 73); a generous cap still refuses a header that is plainly not a boundary.
     */
    static final int MAX_BOUNDARY_LENGTH = 256;

    /** The boundary parameter of a Content-Type header, unquoted: any printable ASCII, quoted or not. */
    public static String boundaryOf(String contentType) throws MalformedMultipartException {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            throw new MalformedMultipartException("expected Content-Type multipart/related, got " + contentType);
        }
        String b = parameter(contentType, "boundary");
        if (b == null || b.isEmpty()) {
            throw new MalformedMultipartException("the Content-Type multipart/related has no boundary parameter");
        }
        if (b.length() > MAX_BOUNDARY_LENGTH) {
            throw new MalformedMultipartException("the multipart boundary is " + b.length()
                    + " characters long; at most " + MAX_BOUNDARY_LENGTH + " are accepted");
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new MalformedMultipartException("the multipart boundary contains a character that is not "
                        + "printable ASCII (code " + (int) c + " at position " + (i + 1) + ")");
            }
        }
        return b;
    }

    /**
     * A parameter of a header value such as {@code type="application/dicom"}; null when absent. Quoted values may
     * contain {@code ;} and {@code =}, and backslash escapes are undone (RFC 7230 quoted-string).
     */
    public static String parameter(String headerValue, String name) {
        if (headerValue == null) return null;
        for (String piece : splitParameters(headerValue)) {
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = piece.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
                }
                return v;
            }
        }
        return null;
    }

    /** Splits at semicolons outside double quotes. */
    private static List<String> splitParameters(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                cur.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') quoted = !quoted;
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The next part, or null after the closing boundary. */
    public Part next() throws IOException {
        if (finished) return null;
        // drain the previous part (or the preamble before the first boundary) up to its delimiter
        PartStream previous = current == null ? new PartStream(true) : current;
        previous.transferTo(OutputStream.nullOutputStream());
        afterDelimiter();
        if (finished) return null;
        Map<String, String> headers = readHeaders();
        current = new PartStream(false);
        return new Part(headers, current);
    }

    /**
     * After a delimiter: "--" ends the body (whatever follows, CRLF or not, is the epilogue); otherwise transport
     * padding (spaces, tabs) and CRLF start a part. A body that ends right after a delimiter is complete as well.
     */
    private void afterDelimiter() throws IOException {
        int a = peekByte(0), b = peekByte(1);
        if (a == '-' && b == '-') {
            finished = true;
            return;
        }
        while (peekByte(0) == ' ' || peekByte(0) == '\t') pos++;
        if (peekByte(0) < 0) {
            finished = true;
            return;
        }
        if (peekByte(0) != '\r' || peekByte(1) != '\n') {
            throw new MalformedMultipartException("a boundary line is followed by '" + printable(peekByte(0))
                    + "' instead of CRLF (is the boundary in the Content-Type the one the body uses?)");
        }
        pos += 2;
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02X", c);
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int c = readByte();
            if (c < 0) throw new MalformedMultipartException("the body ends inside part headers");
            if (++total > MAX_HEADER_BYTES) throw new MalformedMultipartException("part headers are too long");
            if (c == '\r' && peekByte(0) == '\n') {
                pos++;
                if (line.size() == 0) return headers;
                String h = line.toString(StandardCharsets.ISO_8859_1);
                int colon = h.indexOf(':');
                if (colon <= 0) throw new MalformedMultipartException("malformed part header: " + h);
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                line.reset();
            } else {
                line.write(c);
            }
        }
    }

    private int readByte() throws IOException {
        if (!fill(1)) return -1;
        return buf[pos++] & 0xff;
    }

    private int peekByte(int ahead) throws IOException {
        if (!fill(ahead + 1)) return -1;
        return buf[pos + ahead] & 0xff;
    }

    /** Makes at least {@code n} unread bytes available if the stream has them. */
    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) return true;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) return false;
            limit += r;
        }
        return true;
    }

    /** The body of one part: ends where the delimiter starts; the delimiter itself is consumed. */
    private final class PartStream extends InputStream {
        /** the bytes before the first boundary, which are ignored */
        private final boolean preamble;
        private boolean done;

        PartStream(boolean preamble) {
            this.preamble = preamble;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            if (!fill(delimiter.length)) {
                throw new MalformedMultipartException(preamble
                        ? "the body does not contain the boundary named in its Content-Type"
                        : "the body ends before the closing boundary (truncated upload?)");
            }
            int match = indexOfDelimiter();
            if (match == pos) {
                pos += delimiter.length;
                done = true;
                return -1;
            }
            // bytes before a match, or all but a possible partial delimiter at the end of the buffer
            int safe = match >= 0 ? match - pos : (limit - pos) - (delimiter.length - 1);
            int n = Math.min(len, safe);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Boyer–Moore–Horspool: the first delimiter at or after pos, or -1 (a naive scan was half of STOW's CPU). */
        private int indexOfDelimiter() {
            int m = delimiter.length;
            for (int i = pos; i <= limit - m; i += skip[buf[i + m - 1] & 0xff]) {
                int j = m - 1;
                while (j >= 0 && buf[i + j] == delimiter[j]) j--;
                if (j < 0) return i;
            }
            return -1;
        }
    }
}

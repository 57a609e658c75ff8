package io.delineo.archive.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The media ranges of a WADO-RS Accept header, e.g.
 * {@code multipart/related; type="application/octet-stream"; transfer-syntax=*}. Commas inside quoted parameter
 * values are respected.
 */
public record AcceptHeader(List<Range> ranges) {

    public record Range(String mediaType, String type, String transferSyntax) {
        public boolean isMultipart() { return mediaType.equals("multipart/related"); }

        public boolean isWildcard() { return mediaType.equals("*/*") || mediaType.equals("multipart/*"); }
    }

    public static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) return new AcceptHeader(ranges);
        for (String item : splitOutsideQuotes(header)) {
            String mediaType = item.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (mediaType.isEmpty()) continue;
            String type = MultipartRelatedReader.parameter(item, "type");
            String ts = MultipartRelatedReader.parameter(item, "transfer-syntax");
            ranges.add(new Range(mediaType, type == null ? null : type.toLowerCase(Locale.ROOT), ts));
        }
        return new AcceptHeader(ranges);
    }

    public boolean isEmpty() { return ranges.isEmpty(); }

    private static List<String> splitOutsideQuotes(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

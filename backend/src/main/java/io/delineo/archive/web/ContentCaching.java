package io.delineo.archive.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HTTP caching of instance content (frames, instances, bulk data). Stored objects are content-addressed, so a
 * representation is identified by the stored files' hashes plus what was asked for: a strong ETag. Browsers keep the
 * bytes ({@code private}: the response is per user) and revalidate with {@code If-None-Match}; a replaced instance has
 * another hash, so the tag no longer matches. The multipart boundary is derived from the tag, so the same tag always
 * names the same bytes.
 */
final class ContentCaching {
    static final String CACHE_CONTROL = "private, immutable";

    private ContentCaching() {
    }

    /** A tag of 32 hex digits over the given parts (file hashes, frame list, media type ...). */
    static String tag(String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    static String boundary(String tag) {
        return "delineo-" + tag;
    }

    /** Whether an If-None-Match header names this tag (weak comparison, as RFC 9110 13.1.2 asks) or is "*". */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) return true;
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals("\"" + tag + "\"")) return true;
        }
        return false;
    }

    static Response notModified(String tag) {
        return withHeaders(Response.notModified(new EntityTag(tag)), tag).build();
    }

    static Response.ResponseBuilder withHeaders(Response.ResponseBuilder response, String tag) {
        return response.tag(new EntityTag(tag)).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept");
    }
}

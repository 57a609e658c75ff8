package io.delineo.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** Key checks shared by the implementations. */
final class Keys {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+=@,-]+");

    private Keys() {
    }

    /** A key is '/'-separated segments of safe characters, none of them "." or ".." or hidden. */
    static String check(String key) {
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("empty storage key");
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.startsWith(".")) {
                throw new IllegalArgumentException("not a valid storage key: " + key);
            }
        }
        return key;
    }

    /** A list prefix: "" or a key-like string (may end with '/'). */
    static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) return "";
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        check(trimmed);
        return prefix;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.delineo.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "the chain had {@code seq} events ending in {@code hash} at {@code time}, keyed from
 * {@code keyedFrom}", kept outside the database. The signature is an HMAC with a key derived from the audit key for
 * checkpoints only. Text form: {@code name=value} lines, the last one {@code signature=}.
 */
public record Checkpoint(long seq, String hash, Instant time, String keyId, Long keyedFrom) {
    private static final String HEADER = "delineo-audit-checkpoint 1";

    /** Sortable by seq, then time (the store lists names in order). */
    public String fileName() {
        return String.format("checkpoint-%020d-%020d.txt", seq, time.toEpochMilli());
    }

    public byte[] signed(AuditKey key) {
        String body = body();
        return (body + "signature=" + key.derive("checkpoint").macHex(bytes(body)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String body() {
        return HEADER + "\n" + "seq=" + seq + "\n" + "hash=" + hash + "\n" + "time=" + time + "\n" + "keyId=" + keyId
                + "\n" + "keyedFrom=" + (keyedFrom == null ? "" : keyedFrom) + "\n";
    }

    /** Parses and checks the signature; throws with a reason a person understands when either fails. */
    public static Checkpoint parse(byte[] content, AuditKey key) {
        String text = new String(content, StandardCharsets.UTF_8);
        int sig = text.lastIndexOf("signature=");
        if (!text.startsWith(HEADER + "\n") || sig < 0) throw new IllegalArgumentException("not a checkpoint");
        String body = text.substring(0, sig);
        String signature = text.substring(sig + "signature=".length()).trim();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : body.substring(HEADER.length() + 1).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
        Checkpoint c;
        try {
            String keyedFrom = fields.get("keyedFrom");
            c = new Checkpoint(Long.parseLong(fields.get("seq")), fields.get("hash"), Instant.parse(fields.get("time")),
                    fields.get("keyId"), keyedFrom == null || keyedFrom.isEmpty() ? null : Long.parseLong(keyedFrom));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a field is missing or malformed (" + e.getMessage() + ")");
        }
        if (!c.body().equals(body)) throw new IllegalArgumentException("not in canonical form");
        if (!key.derive("checkpoint").macHex(bytes(body)).equals(signature)) {
            throw new IllegalArgumentException("the signature does not match the audit key");
        }
        return c;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

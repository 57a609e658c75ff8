package io.delineo.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 chain over audit events: {@code hash(n) = SHA-256(fields(n) || hash(n-1))}, with 64 zeros before the
 * first event. Fields are length-prefixed so that no two different events serialise to the same bytes.
 */
public final class AuditHashChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditHashChain() {
    }

    public static String hash(AuditRecord r, String previousHash) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Long.toString(r.seq()));
        field(sb, r.time().toString());
        field(sb, r.userId());
        field(sb, r.userName());
        field(sb, r.roles());
        field(sb, r.action());
        field(sb, r.resourceType());
        field(sb, r.resourceId());
        field(sb, r.outcome().name());
        field(sb, r.requestId());
        field(sb, r.clientAddress());
        field(sb, r.detailsJson());
        field(sb, previousHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append(';');
    }
}

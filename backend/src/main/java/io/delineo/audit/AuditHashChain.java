package io.delineo.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain over audit events. Events before the keyed chain started (schema V30) are linked by plain SHA-256:
 * {@code hash(n) = SHA-256(fields(n) || hash(n-1))}; since then by HMAC-SHA256 with a key kept outside the database:
 * {@code hash(n) = HMAC(key, fields(n) || hash(n-1) || keyId)}, so nobody who can only write the database can
 * recompute a link. 64 zeros stand before the first event. Fields are length-prefixed so that no two different events
 * serialise to the same bytes.
 */
public final class AuditHashChain {
    public static final String GENESIS = "0".repeat(64);
    /** {@code chain_alg} of events linked by plain SHA-256 (written before V30) */
    public static final String SHA256 = "SHA-256";
    /** {@code chain_alg} of events linked by HMAC-SHA256 */
    public static final String HMAC_SHA256 = "HMAC-SHA256";

    private AuditHashChain() {
    }

    /** The unkeyed link (events written before the keyed chain started). */
    public static String hash(AuditRecord r, String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(r, previousHash).toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** The keyed link; the key id is bound in so that an event cannot be passed off as made with another key. */
    public static String hmac(AuditKey key, AuditRecord r, String previousHash) {
        StringBuilder sb = canonical(r, previousHash);
        field(sb, key.id());
        return key.macHex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder canonical(AuditRecord r, String previousHash) {
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
        return sb;
    }

    static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append(';');
    }
}

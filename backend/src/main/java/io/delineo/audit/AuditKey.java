package io.delineo.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret that keys the audit chain and signs its checkpoints. It never goes into the database; its id (a MAC of
 * a fixed label, which reveals nothing about the key) is stored with every keyed event so that verify can tell
 * "made with another key" from "altered". Checkpoints are signed with a key derived for that purpose only.
 */
public final class AuditKey {
    public static final int MIN_BYTES = 32;

    private final byte[] secret;
    private final String id;

    public AuditKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("the audit key must have at least " + MIN_BYTES + " bytes, got "
                    + secret.length);
        }
        this.secret = secret.clone();
        this.id = macHex("delineo-audit-key-id".getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
    }

    public String id() {
        return id;
    }

    /** The key checkpoints are signed with: derived, so a checkpoint MAC can never be replayed as a chain link. */
    AuditKey derive(String purpose) {
        byte[] derived = HexFormat.of().parseHex(macHex(("delineo-audit-derive:" + purpose)
                .getBytes(StandardCharsets.US_ASCII)));
        return new AuditKey(derived);
    }

    public String macHex(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditKey k && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}

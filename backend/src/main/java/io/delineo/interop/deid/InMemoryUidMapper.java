package io.delineo.interop.deid;

import io.delineo.dicom.UidGenerator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link UidMapper} that derives each replacement from the original by HMAC-SHA-256 under a secret key
 * ({@code 2.25.} + 128 bits of the MAC, like {@link UidGenerator}): deterministic for a key, not reversible without
 * it, and consistent without coordination. The mappings made are remembered for inspection.
 */
public final class InMemoryUidMapper implements UidMapper {
    private final byte[] key;
    private final Map<String, String> mappings = new ConcurrentHashMap<>();

    public InMemoryUidMapper(byte[] secretKey) {
        if (secretKey == null || secretKey.length < 16) {
            throw new IllegalArgumentException("the UID mapping key must have at least 16 bytes");
        }
        this.key = secretKey.clone();
    }

    @Override
    public String map(String originalUid) {
        if (originalUid == null || originalUid.isEmpty()) throw new IllegalArgumentException("a UID to map is required");
        return mappings.computeIfAbsent(originalUid, this::derive);
    }

    private String derive(String uid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            ByteBuffer b = ByteBuffer.wrap(mac.doFinal(uid.getBytes(StandardCharsets.US_ASCII)));
            // a version-4-shaped UUID from the first 128 bits keeps the 2.25 form UidGenerator uses
            long hi = (b.getLong() & ~0xF000L) | 0x4000L, lo = (b.getLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
            return UidGenerator.fromUuid(new UUID(hi, lo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Original → replacement, sorted by original. */
    public Map<String, String> mappings() {
        return new TreeMap<>(mappings);
    }
}

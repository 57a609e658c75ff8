package io.delineo.interop.product;

import io.delineo.interop.deid.InMemoryUidMapper;
import io.delineo.security.CurrentUser;
import io.delineo.storage.ObjectStorage;
import io.delineo.storage.StorageArea;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Consistent replacements for de-identification: the same original UID or patient ID always gets the same
 * replacement (derived with a per-installation secret key), and every pair is recorded in {@code deid_map}, apart
 * from the archive, so that a PI or administrator can trace a pseudonymised object back when that is permitted.
 */
@ApplicationScoped
public class DeidMappings {
    private static final String KEY = "deid.key";
    /** an arbitrary constant naming the advisory lock held while the key is created */
    private static final long KEY_LOCK = 0x64656964_6b6579L;

    @Inject
    ObjectStorage storage;
    @Inject
    EntityManager em;
    @Inject
    CurrentUser currentUser;

    private volatile byte[] key;

    public String uid(String original) {
        return mapped("UID", original, () -> new InMemoryUidMapper(key()).map(original));
    }

    public String patientId(String original) {
        String source = original == null ? "" : original;
        return mapped("PATIENT_ID", source, () -> "DELINEO-" + hmacHex(source).substring(0, 12).toUpperCase());
    }

    /** Looks a value up in either direction (original → replacement, or replacement → original). */
    public List<Object[]> lookup(String value) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT kind, original, replacement, created_by, created_at FROM deid_map "
                                + "WHERE original = ?1 OR replacement = ?1 ORDER BY created_at")
                .setParameter(1, value).getResultList());
    }

    private String mapped(String kind, String original, java.util.function.Supplier<String> replacement) {
        String user = currentUser.name();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<String> existing = storedReplacement(kind, original);
            if (existing.isPresent()) return existing.get();
            em.createNativeQuery("INSERT INTO deid_map (kind, original, replacement, created_by) VALUES (?1, ?2, ?3, ?4) "
                    + "ON CONFLICT (kind, original) DO NOTHING").setParameter(1, kind).setParameter(2, original)
                    .setParameter(3, replacement.get()).setParameter(4, user).executeUpdate();
            // another request (or replica) may have stored the pair first: the stored one is the answer
            return storedReplacement(kind, original).orElseThrow();
        });
    }

    private Optional<String> storedReplacement(String kind, String original) {
        return em.createNativeQuery("SELECT replacement FROM deid_map WHERE kind = ?1 AND original = ?2")
                .setParameter(1, kind).setParameter(2, original).getResultStream().findFirst().map(String.class::cast);
    }

    private String hmacHex(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key());
            return HexFormat.of().formatHex(sha.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The installation's secret, created once in the storage's DEID area and shared by every replica. */
    private byte[] key() {
        byte[] k = key;
        if (k != null) return k;
        synchronized (this) {
            if (key != null) return key;
            key = QuarkusTransaction.requiringNew().call(() -> {
                // replicas share the database: its lock makes exactly one of them create the key
                em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(" + KEY_LOCK + ")) l")
                        .getSingleResult();
                try {
                    if (!storage.exists(StorageArea.DEID, KEY)) {
                        byte[] fresh = new byte[32];
                        new SecureRandom().nextBytes(fresh);
                        storage.put(StorageArea.DEID, KEY, fresh);
                    }
                    return storage.read(StorageArea.DEID, KEY);
                } catch (IOException e) {
                    throw new UncheckedIOException("the de-identification key cannot be read or created in "
                            + storage.describe(), e);
                }
            });
            return key;
        }
    }
}

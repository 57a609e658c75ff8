package io.delineo.interop.product;

import io.delineo.interop.deid.InMemoryUidMapper;
import io.delineo.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;
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

    /** The installation's secret, created once in the data directory (readable by the portal only). */
    private byte[] key() {
        byte[] k = key;
        if (k != null) return k;
        synchronized (this) {
            if (key != null) return key;
            Path file = Path.of(dataDir).resolve("deid.key");
            try {
                if (!Files.exists(file)) {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    Files.createDirectories(file.getParent());
                    Files.write(file, fresh);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // non-POSIX file system: the data directory's own permissions apply
                    }
                }
                key = Files.readAllBytes(file);
                return key;
            } catch (IOException e) {
                throw new UncheckedIOException("the de-identification key cannot be read or created in " + dataDir, e);
            }
        }
    }
}

package io.delineo.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Where the audit key comes from: {@code delineo.audit.key} (env DELINEO_AUDIT_KEY, at least 32 characters), else the
 * key file {@code <data-dir>/audit.key}, generated with 32 random bytes and mode 0600 on first start. Either way the
 * key lives beside the portal, never in PostgreSQL.
 */
@ApplicationScoped
public class AuditKeyring {
    private static final Logger LOG = Logger.getLogger(AuditKeyring.class);
    static final String KEY_FILE = "audit.key";

    @ConfigProperty(name = "delineo.audit.key")
    Optional<String> configuredKey;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;

    private volatile AuditKey key;

    public AuditKey key() {
        AuditKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) key = load();
                k = key;
            }
        }
        return k;
    }

    private AuditKey load() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            return fromText(configuredKey.get().trim(), "delineo.audit.key");
        }
        Path file = Path.of(dataDir).resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) generate(file);
            warnIfReadableByOthers(file);
            return fromText(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the audit key file " + file + " cannot be read or created", e);
        }
    }

    private static AuditKey fromText(String text, String source) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < AuditKey.MIN_BYTES) {
            throw new IllegalStateException("the audit key from " + source + " is too short: it needs at least "
                    + AuditKey.MIN_BYTES + " characters (e.g. the output of `openssl rand -base64 32`)");
        }
        return new AuditKey(bytes);
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getEncoder().encodeToString(random) + "\n";
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        LOG.infof("generated the audit key %s (mode 0600); keep a copy: without it the keyed audit chain cannot be "
                + "verified", file);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warnf("the audit key %s is readable by other users; chmod 600 it", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}

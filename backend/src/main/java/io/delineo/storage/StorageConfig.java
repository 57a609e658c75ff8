package io.delineo.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Chooses the portal's {@link ObjectStorage} from configuration ({@code delineo.storage.*}). */
@ApplicationScoped
public class StorageConfig {
    private static final Logger LOG = Logger.getLogger(StorageConfig.class);

    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;
    @ConfigProperty(name = "delineo.storage.kind", defaultValue = "local")
    String kind;
    @ConfigProperty(name = "delineo.storage.s3.endpoint")
    Optional<String> endpoint;
    @ConfigProperty(name = "delineo.storage.s3.bucket")
    Optional<String> bucket;
    @ConfigProperty(name = "delineo.storage.s3.region", defaultValue = "us-east-1")
    String region;
    @ConfigProperty(name = "delineo.storage.s3.access-key")
    Optional<String> accessKey;
    @ConfigProperty(name = "delineo.storage.s3.secret-key")
    Optional<String> secretKey;
    @ConfigProperty(name = "delineo.storage.s3.path-style", defaultValue = "true")
    boolean pathStyle;
    @ConfigProperty(name = "delineo.storage.s3.multipart-threshold-mib", defaultValue = "16")
    long multipartMib;
    @ConfigProperty(name = "delineo.storage.s3.max-attempts", defaultValue = "4")
    int maxAttempts;
    @ConfigProperty(name = "delineo.storage.s3.timeout-seconds", defaultValue = "120")
    int timeoutSeconds;
    @ConfigProperty(name = "delineo.storage.s3.cache-mib", defaultValue = "2048")
    long cacheMib;

    @Produces
    @Singleton
    ObjectStorage storage() {
        try {
            ObjectStorage storage = switch (kind.trim().toLowerCase()) {
                case "local" -> new LocalObjectStorage(Path.of(dataDir));
                case "s3" -> s3();
                default -> throw new IllegalStateException("delineo.storage.kind (DELINEO_STORAGE) is '" + kind
                        + "'; it must be local or s3");
            };
            LOG.infof("files are kept in %s", storage.describe());
            return storage;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the file store under " + dataDir, e);
        }
    }

    private S3ObjectStorage s3() throws IOException {
        long part = multipartMib * S3Settings.MIB;
        S3Settings settings = S3Settings.of(endpoint.orElse(null), bucket.orElse(null), region,
                        accessKey.orElse(null), secretKey.orElse(null), pathStyle, Path.of(dataDir).resolve("s3"))
                .withMultipart(part, part)
                .withTimeouts(maxAttempts, Duration.ofSeconds(5), Duration.ofSeconds(timeoutSeconds))
                .withCacheBytes(cacheMib * S3Settings.MIB);
        S3ObjectStorage storage = new S3ObjectStorage(settings);
        try {
            storage.ensureBucket();
        } catch (StorageUnavailableException e) {
            // replicas start while the store is briefly down; requests needing it answer 503 until it is back
            LOG.warn(e.getMessage());
        }
        return storage;
    }

    void close(@Disposes ObjectStorage storage) {
        if (storage instanceof S3ObjectStorage s3) s3.close();
    }
}

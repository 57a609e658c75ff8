package io.delineo.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the bucket. {@code endpoint} empty means AWS itself; access and secret key empty mean the SDK's
 * default credential chain (environment, instance role). {@code workDir} holds staged uploads and the read cache.
 */
public record S3Settings(Optional<URI> endpoint, String bucket, String region, Optional<String> accessKey,
                         Optional<String> secretKey, boolean pathStyle, long multipartThreshold, long partSize,
                         int maxAttempts, Duration connectTimeout, Duration callTimeout, Path workDir,
                         long cacheBytes) {
    public static final long MIB = 1024 * 1024;

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 storage needs a bucket (delineo.storage.s3.bucket / DELINEO_S3_BUCKET)");
        }
        if (partSize < 5 * MIB) throw new IllegalArgumentException("S3 multipart parts must be at least 5 MiB");
        if (multipartThreshold < partSize) multipartThreshold = partSize;
        if (maxAttempts < 1) maxAttempts = 1;
    }

    /** Settings with the defaults for everything but where the bucket is. */
    public static S3Settings of(String endpoint, String bucket, String region, String accessKey, String secretKey,
                                boolean pathStyle, Path workDir) {
        return new S3Settings(blank(endpoint).map(URI::create), bucket, blank(region).orElse("us-east-1"),
                blank(accessKey), blank(secretKey), pathStyle, 16 * MIB, 16 * MIB, 4, Duration.ofSeconds(5),
                Duration.ofSeconds(120), workDir, 2048 * MIB);
    }

    public S3Settings withMultipart(long threshold, long part) {
        return new S3Settings(endpoint, bucket, region, accessKey, secretKey, pathStyle, threshold, part, maxAttempts,
                connectTimeout, callTimeout, workDir, cacheBytes);
    }

    public S3Settings withTimeouts(int attempts, Duration connect, Duration call) {
        return new S3Settings(endpoint, bucket, region, accessKey, secretKey, pathStyle, multipartThreshold, partSize,
                attempts, connect, call, workDir, cacheBytes);
    }

    public S3Settings withCacheBytes(long bytes) {
        return new S3Settings(endpoint, bucket, region, accessKey, secretKey, pathStyle, multipartThreshold, partSize,
                maxAttempts, connectTimeout, callTimeout, workDir, bytes);
    }

    /** Settings from the DELINEO_S3_* environment variables (for command-line tools). */
    public static S3Settings fromEnvironment(Path workDir) {
        var env = System.getenv();
        return of(env.get("DELINEO_S3_ENDPOINT"), env.get("DELINEO_S3_BUCKET"), env.get("DELINEO_S3_REGION"),
                env.get("DELINEO_S3_ACCESS_KEY"), env.get("DELINEO_S3_SECRET_KEY"),
                !"false".equalsIgnoreCase(env.getOrDefault("DELINEO_S3_PATH_STYLE", "true")), workDir);
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}

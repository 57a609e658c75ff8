package io.delineo.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Objects in one S3 bucket (AWS, MinIO, Ceph RGW, s3proxy), key {@code <area prefix>/<key>}. A single PUT or a
 * completed multipart upload becomes visible at once and whole, so every write is atomic. Uploads go from a local
 * file (so the SDK's retries can resend it); objects above the threshold are sent in parts. Failures to reach the
 * bucket, after the configured retries, raise {@link StorageUnavailableException}.
 */
public final class S3ObjectStorage implements ObjectStorage, AutoCloseable {
    private final S3Settings settings;
    private final S3Client s3;
    private final Staging staging;
    private final Path cacheDir;
    /** bytes in the read cache, counted at start and on each download; the folder is walked only to trim it */
    private final java.util.concurrent.atomic.AtomicLong cachedBytes = new java.util.concurrent.atomic.AtomicLong();

    public S3ObjectStorage(S3Settings settings) throws IOException {
        this(settings, List.of());
    }

    /** With interceptors that observe every request (tests count the requests of a multipart upload). */
    S3ObjectStorage(S3Settings settings, List<ExecutionInterceptor> interceptors) throws IOException {
        this.settings = settings;
        this.staging = new Staging(settings.workDir().resolve("staging"));
        this.cacheDir = settings.workDir().resolve("cache").toAbsolutePath();
        Files.createDirectories(cacheDir.resolve(".tmp"));
        try (Stream<Path> files = Files.walk(cacheDir)) {
            cachedBytes.set(files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum());
        }
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                        settings.secretKey().orElse("")))
                : DefaultCredentialsProvider.builder().build();
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // S3-compatible servers differ in their support of the newer checksum headers: send them only when required
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(StandardRetryStrategy.builder()
                                .maxAttempts(settings.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100),
                                        Duration.ofSeconds(5)))
                                .retryOnException(e -> e instanceof SdkClientException
                                        || e instanceof S3Exception s && (s.statusCode() >= 500 || s.statusCode() == 429))
                                .build())
                        .apiCallTimeout(settings.callTimeout())
                        .executionInterceptors(interceptors)
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
    }

    /** Creates the bucket when it does not exist yet (for local S3 servers and first installs). */
    public void ensureBucket() {
        call("check bucket " + settings.bucket(), () -> {
            try {
                s3.headBucket(b -> b.bucket(settings.bucket()));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) throw e;
                s3.createBucket(b -> b.bucket(settings.bucket()));
            }
            return null;
        });
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        return staging.stage(in, maxBytes);
    }

    @Override
    public StoredObject commitContentAddressed(StorageArea area, Staged staged) throws IOException {
        String key = area.contentKey(staged.sha256());
        if (headSize(area, key).isPresent()) {
            return new StoredObject(area, key, staged.sha256(), staged.size(), false);
        }
        upload(area, key, staged.file(), staged.size());
        return new StoredObject(area, key, staged.sha256(), staged.size(), true);
    }

    @Override
    public void discard(Staged staged) {
        Staging.discard(staged);
    }

    @Override
    public void put(StorageArea area, String key, byte[] bytes) throws IOException {
        Keys.check(key);
        if (bytes.length <= settings.multipartThreshold()) {
            call("store " + area.prefix() + "/" + key, () -> s3.putObject(b -> b.bucket(settings.bucket())
                    .key(objectKey(area, key)).contentLength((long) bytes.length), RequestBody.fromBytes(bytes)));
        } else {
            put(area, key, new ByteArrayInputStream(bytes), bytes.length);
        }
    }

    @Override
    public void put(StorageArea area, String key, InputStream in, long length) throws IOException {
        Keys.check(key);
        Staged staged = staging.stage(in, Long.MAX_VALUE);
        try {
            upload(area, key, staged.file(), staged.size());
        } finally {
            Staging.discard(staged);
        }
    }

    @Override
    public InputStream open(StorageArea area, String key) throws IOException {
        Keys.check(key);
        return get(area, key, null);
    }

    @Override
    public InputStream openRange(StorageArea area, String key, long offset, long length) throws IOException {
        Keys.check(key);
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative range " + offset + "+" + length);
        if (length == 0) return InputStream.nullInputStream();
        return get(area, key, "bytes=" + offset + "-" + (offset + length - 1));
    }

    @Override
    public Path localFile(StorageArea area, String key) throws IOException {
        Path cached = cacheDir.resolve(area.prefix()).resolve(Keys.check(key));
        if (Files.isRegularFile(cached)) {
            try {
                Files.setLastModifiedTime(cached, FileTime.fromMillis(System.currentTimeMillis()));
                return cached;
            } catch (NoSuchFileException evicted) {
                // trimmed by another thread a moment ago: fetch it again
            }
        }
        Path temp = cacheDir.resolve(".tmp").resolve(java.util.UUID.randomUUID() + ".part");
        try (InputStream in = open(area, key)) {
            cachedBytes.addAndGet(Files.copy(in, temp));
            Files.createDirectories(cached.getParent());
            Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (cachedBytes.get() > settings.cacheBytes()) trimCache(cached);
        return cached;
    }

    @Override
    public Optional<Long> size(StorageArea area, String key) throws IOException {
        Keys.check(key);
        return headSize(area, key);
    }

    @Override
    public void delete(StorageArea area, String key) throws IOException {
        Keys.check(key);
        call("delete " + area.prefix() + "/" + key,
                () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key))));
        Files.deleteIfExists(cacheDir.resolve(area.prefix()).resolve(key));
    }

    @Override
    public List<String> list(StorageArea area, String prefix) throws IOException {
        String p = Keys.checkPrefix(prefix);
        String areaPrefix = area.prefix() + "/";
        return call("list " + areaPrefix + p, () -> {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(areaPrefix + p))
                    .contents()) {
                keys.add(o.key().substring(areaPrefix.length()));
            }
            keys.sort(null);
            return keys;
        });
    }

    @Override
    public String locationOf(StorageArea area, String key) {
        return "s3://" + settings.bucket() + "/" + objectKey(area, key);
    }

    @Override
    public String describe() {
        return "S3 bucket " + settings.bucket() + settings.endpoint().map(e -> " at " + e).orElse(" on AWS")
                + " (region " + settings.region() + ")";
    }

    @Override
    public void close() {
        s3.close();
    }

    private String objectKey(StorageArea area, String key) {
        return area.prefix() + "/" + key;
    }

    private Optional<Long> headSize(StorageArea area, String key) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key)));
            return Optional.of(head.contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw unavailable("look up " + area.prefix() + "/" + key, e);
        } catch (SdkException e) {
            throw unavailable("look up " + area.prefix() + "/" + key, e);
        }
    }

    private InputStream get(StorageArea area, String key, String range) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(settings.bucket())
                    .key(objectKey(area, key)).range(range));
            return in;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new NoSuchFileException(locationOf(area, key));
            if (e.statusCode() == 416) return InputStream.nullInputStream();
            throw unavailable("read " + area.prefix() + "/" + key, e);
        } catch (SdkException e) {
            throw unavailable("read " + area.prefix() + "/" + key, e);
        }
    }

    private void upload(StorageArea area, String key, Path file, long size) throws IOException {
        String what = "store " + area.prefix() + "/" + key;
        if (size <= settings.multipartThreshold()) {
            call(what, () -> s3.putObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key))
                    .contentLength(size), RequestBody.fromFile(file)));
            return;
        }
        String uploadId = call(what, () -> s3.createMultipartUpload(b -> b.bucket(settings.bucket())
                .key(objectKey(area, key))).uploadId());
        boolean completed = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += settings.partSize(), number++) {
                int length = (int) Math.min(settings.partSize(), size - offset);
                java.nio.ByteBuffer part = java.nio.ByteBuffer.allocate(length);
                while (part.hasRemaining() && channel.read(part, offset + part.position()) >= 0) {
                    // read the whole part
                }
                byte[] bytes = part.array();
                int partNumber = number;
                String etag = call(what, () -> s3.uploadPart(b -> b.bucket(settings.bucket())
                        .key(objectKey(area, key)).uploadId(uploadId).partNumber(partNumber)
                        .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)).eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            call(what, () -> s3.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(objectKey(area, key))
                    .uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())));
            completed = true;
        } finally {
            if (!completed) {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(objectKey(area, key))
                            .uploadId(uploadId));
                } catch (SdkException ignored) {
                    // the bucket's lifecycle rule or a later abort removes the parts; nothing became visible
                }
            }
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw unavailable(what, e);
        }
    }

    private StorageUnavailableException unavailable(String what, SdkException e) {
        String reason = e instanceof S3Exception s && s.awsErrorDetails() != null
                ? "HTTP " + s.statusCode() + " " + s.awsErrorDetails().errorCode()
                : e.getMessage();
        return new StorageUnavailableException("the object store (" + describe() + ") could not " + what
                + ": " + reason + "; retry later", e);
    }

    /** Keeps the read cache under its size limit, dropping the least recently used copies first. */
    private synchronized void trimCache(Path keep) {
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(cacheDir.resolve(".tmp"))).toList();
            long total = 0;
            List<Object[]> entries = new ArrayList<>();
            for (Path f : files) {
                try {
                    long size = Files.size(f);
                    total += size;
                    entries.add(new Object[]{f, size, Files.getLastModifiedTime(f).toMillis()});
                } catch (IOException gone) {
                    // removed meanwhile
                }
            }
            cachedBytes.set(total);
            if (total <= settings.cacheBytes()) return;
            entries.sort(Comparator.comparingLong(e -> (Long) e[2]));
            for (Object[] e : entries) {
                if (total <= settings.cacheBytes()) break;
                if (e[0].equals(keep)) continue;
                if (Files.deleteIfExists((Path) e[0])) {
                    total -= (Long) e[1];
                    cachedBytes.addAndGet(-(Long) e[1]);
                }
            }
        } catch (IOException ignored) {
            // the cache is only an optimisation
        }
    }
}

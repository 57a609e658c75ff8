package io.delineo.storage;

import io.delineo.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage contract and the S3-only behaviour against a real S3 server (s3proxy in its own process). */
class S3ObjectStorageTest extends ObjectStorageContract {
    static final long PART = 5 * S3Settings.MIB;

    @TempDir
    Path workDir;
    S3Settings settings;
    S3ObjectStorage storage;

    @BeforeEach
    void open() throws Exception {
        settings = S3ProxyServer.shared().settings(workDir).withMultipart(PART, PART);
        storage = new S3ObjectStorage(settings);
        storage.ensureBucket();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Override
    ObjectStorage storage() { return storage; }

    @Override
    Path stagingDir() { return workDir.resolve("staging"); }

    @Override
    int largeSize() {
        return (int) (PART + 12345);
    }

    @Test
    void objectsAboveTheThresholdAreUploadedInParts() throws Exception {
        byte[] bytes = randomBytes((int) (2 * PART + 1000), 20);
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        StoredObject o;
        Staged staged;
        try (S3ObjectStorage observed = new S3ObjectStorage(settings, List.of(recorder))) {
            staged = observed.stage(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
            o = observed.commitContentAddressed(StorageArea.DICOM, staged);
            observed.discard(staged);
        }
        assertThat(o.created()).isTrue();
        assertThat(requests).containsExactly("HeadObject", "CreateMultipartUpload", "UploadPart", "UploadPart",
                "UploadPart", "CompleteMultipartUpload");
        assertThat(storage.read(StorageArea.DICOM, o.key())).isEqualTo(bytes);
        try (var in = storage.openRange(StorageArea.DICOM, o.key(), PART - 10, 20)) {
            assertThat(in.readAllBytes()).as("a range across a part boundary")
                    .isEqualTo(java.util.Arrays.copyOfRange(bytes, (int) PART - 10, (int) PART + 10));
        }
        assertThat(StorageMigration.digest(storage, StorageArea.DICOM, o.key())).isEqualTo(staged.sha256());
    }

    @Test
    void anUnreachableServerIsReportedAsUnavailable() throws Exception {
        int closedPort = S3ProxyServer.freePort();
        S3Settings nowhere = S3Settings.of("http://127.0.0.1:" + closedPort, "delineo-nowhere", "us-east-1",
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, true, workDir.resolve("nowhere"))
                .withTimeouts(2, Duration.ofSeconds(1), Duration.ofSeconds(5));
        try (S3ObjectStorage down = new S3ObjectStorage(nowhere)) {
            Staged staged = down.stage(new ByteArrayInputStream(new byte[]{1, 2, 3}), 100);
            assertThatThrownBy(() -> down.commitContentAddressed(StorageArea.DICOM, staged))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("could not look up archive/")
                    .hasMessageContaining("retry later");
            assertThatThrownBy(() -> down.open(StorageArea.MODELS, "m/1/model.onnx"))
                    .isInstanceOf(StorageUnavailableException.class);
            down.discard(staged);
        }
    }

    @Test
    void aServerThatNeverAnswersIsReportedAsUnavailable() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) accepted.add(silent.accept());
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            S3Settings slow = S3Settings.of("http://127.0.0.1:" + silent.getLocalPort(), "delineo-slow",
                    "us-east-1", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, true, workDir.resolve("slow"))
                    .withTimeouts(2, Duration.ofSeconds(1), Duration.ofSeconds(1));
            try (S3ObjectStorage hanging = new S3ObjectStorage(slow)) {
                assertThatThrownBy(() -> hanging.put(StorageArea.EXPORTS, "x.csv", new byte[]{1}))
                        .isInstanceOf(StorageUnavailableException.class)
                        .hasMessageContaining("could not store exports/x.csv");
            } finally {
                silent.close();
                for (Socket s : accepted) s.close();
            }
        }
    }

    @Test
    void theReadCacheStaysWithinItsLimit() throws Exception {
        try (S3ObjectStorage small = new S3ObjectStorage(settings.withCacheBytes(250_000))) {
            List<Path> copies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                small.put(StorageArea.DICOM, "00/00/object-" + i + ".dcm", randomBytes(100_000, 30 + i));
                copies.add(small.localFile(StorageArea.DICOM, "00/00/object-" + i + ".dcm"));
                assertThat(java.nio.file.Files.readAllBytes(copies.get(i))).isEqualTo(randomBytes(100_000, 30 + i));
            }
            long kept = copies.stream().filter(java.nio.file.Files::exists).count();
            assertThat(kept).as("copies kept within 250 kB").isEqualTo(2);
            assertThat(copies.get(3)).as("the newest copy is kept").exists();
        }
    }

    @Test
    void theLocationNamesTheBucket() {
        assertThat(storage.locationOf(StorageArea.MODELS, "m/1/model.onnx"))
                .isEqualTo("s3://" + settings.bucket() + "/models/m/1/model.onnx");
    }
}

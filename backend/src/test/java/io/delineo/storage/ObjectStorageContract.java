package io.delineo.storage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link ObjectStorage} must do; run against local storage and against a real S3 server. */
abstract class ObjectStorageContract {
    /** A store with nothing in it. */
    abstract ObjectStorage storage();

    /** Where the store keeps staged uploads. */
    abstract Path stagingDir();

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void putThenReadWholeRangeListAndDelete() throws Exception {
        ObjectStorage s = storage();
        byte[] bytes = randomBytes(100_000, 1);
        s.put(StorageArea.EXPORTS, "study-1/labels.nii.gz", bytes);
        s.put(StorageArea.EXPORTS, "study-1/volumes.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        s.put(StorageArea.EXPORTS, "study-2/volumes.csv", new ByteArrayInputStream(bytes), bytes.length);

        assertThat(s.read(StorageArea.EXPORTS, "study-1/labels.nii.gz")).isEqualTo(bytes);
        assertThat(s.size(StorageArea.EXPORTS, "study-1/labels.nii.gz")).contains(100_000L);
        try (InputStream in = s.openRange(StorageArea.EXPORTS, "study-1/labels.nii.gz", 1000, 500)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1000, 1500));
        }
        try (InputStream in = s.openRange(StorageArea.EXPORTS, "study-1/labels.nii.gz", 99_900, 500)) {
            assertThat(in.readAllBytes()).as("a range past the end stops at the end")
                    .isEqualTo(java.util.Arrays.copyOfRange(bytes, 99_900, 100_000));
        }
        assertThat(s.list(StorageArea.EXPORTS, "")).containsExactly("study-1/labels.nii.gz", "study-1/volumes.csv",
                "study-2/volumes.csv");
        assertThat(s.list(StorageArea.EXPORTS, "study-1/")).containsExactly("study-1/labels.nii.gz",
                "study-1/volumes.csv");
        assertThat(s.list(StorageArea.MODELS, "")).as("areas are separate").isEmpty();
        assertThat(Files.readAllBytes(s.localFile(StorageArea.EXPORTS, "study-2/volumes.csv"))).isEqualTo(bytes);

        s.delete(StorageArea.EXPORTS, "study-1/volumes.csv");
        s.delete(StorageArea.EXPORTS, "study-1/volumes.csv");
        assertThat(s.exists(StorageArea.EXPORTS, "study-1/volumes.csv")).isFalse();
        assertThat(s.list(StorageArea.EXPORTS, "")).containsExactly("study-1/labels.nii.gz", "study-2/volumes.csv");
    }

    @Test
    void missingObjectsAreReportedAsMissing() throws Exception {
        ObjectStorage s = storage();
        assertThat(s.size(StorageArea.MODELS, "none/1/model.onnx")).isEmpty();
        assertThatThrownBy(() -> s.open(StorageArea.MODELS, "none/1/model.onnx"))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> s.localFile(StorageArea.MODELS, "none/1/model.onnx"))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> s.put(StorageArea.MODELS, "../escape", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentAddressedCommitIsIdempotent() throws Exception {
        ObjectStorage s = storage();
        byte[] bytes = randomBytes(70_000, 2);
        Staged first = s.stage(new ByteArrayInputStream(bytes), 1 << 20);
        assertThat(first.size()).isEqualTo(70_000);
        assertThat(Files.readAllBytes(first.file())).as("the staged file is readable before commit").isEqualTo(bytes);
        StoredObject a = s.commitContentAddressed(StorageArea.DICOM, first);
        s.discard(first);
        Staged second = s.stage(new ByteArrayInputStream(bytes), 1 << 20);
        StoredObject b = s.commitContentAddressed(StorageArea.DICOM, second);
        s.discard(second);

        assertThat(a.created()).isTrue();
        assertThat(b.created()).isFalse();
        assertThat(a.key()).isEqualTo(b.key()).isEqualTo(first.sha256().substring(0, 2) + "/"
                + first.sha256().substring(2, 4) + "/" + first.sha256() + ".dcm");
        assertThat(s.list(StorageArea.DICOM, "")).containsExactly(a.key());
        assertThat(s.read(StorageArea.DICOM, a.key())).isEqualTo(bytes);
        assertThat(stagedFiles()).as("no staged file is left behind").isEmpty();
    }

    @Test
    void tooLargeUploadKeepsNothing() throws Exception {
        ObjectStorage s = storage();
        assertThatThrownBy(() -> s.stage(new ByteArrayInputStream(randomBytes(5000, 3)), 4096))
                .isInstanceOf(ObjectTooLargeException.class).hasMessageContaining("4096");
        assertThat(stagedFiles()).isEmpty();
        assertThat(s.list(StorageArea.DICOM, "")).isEmpty();
    }

    @Test
    void readersSeeTheOldOrTheNewObjectNeverAMix() throws Exception {
        ObjectStorage s = storage();
        byte[] a = randomBytes(largeSize(), 4), b = randomBytes(largeSize(), 5);
        s.put(StorageArea.JOB_OUTPUTS, "job-1/features.csv", a);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reads = pool.submit(() -> {
                int n = 0;
                do {
                    byte[] seen = s.read(StorageArea.JOB_OUTPUTS, "job-1/features.csv");
                    if (!java.util.Arrays.equals(seen, a) && !java.util.Arrays.equals(seen, b)) {
                        throw new AssertionError("a reader saw a partial or mixed object of " + seen.length + " bytes");
                    }
                    n++;
                } while (writing.get());
                return n;
            });
            Future<?> writes = pool.submit((Callable<Void>) () -> {
                try {
                    for (int i = 0; i < 4; i++) s.put(StorageArea.JOB_OUTPUTS, "job-1/features.csv", i % 2 == 0 ? b : a);
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writes.get();
            assertThat(reads.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(s.read(StorageArea.JOB_OUTPUTS, "job-1/features.csv")).isEqualTo(a);
    }

    /** Large enough to take the multipart path where there is one. */
    int largeSize() {
        return 3 << 20;
    }

    private List<Path> stagedFiles() throws IOException {
        if (!Files.isDirectory(stagingDir())) return List.of();
        try (var files = Files.list(stagingDir())) {
            return files.toList();
        }
    }
}

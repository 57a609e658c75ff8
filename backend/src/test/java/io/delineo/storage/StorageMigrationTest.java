package io.delineo.storage;

import io.delineo.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./delineo storage migrate --to-s3} against a real S3 server: copies, verifies, repeats, repairs. */
class StorageMigrationTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;

    @Test
    void copiesEveryObjectVerifiesItAndCanBeRepeated() throws Exception {
        LocalObjectStorage local = new LocalObjectStorage(dataDir);
        String[] keys = new String[3];
        for (int i = 0; i < 3; i++) {
            byte[] bytes = new byte[20_000 + i];
            new Random(i).nextBytes(bytes);
            Staged staged = local.stage(new ByteArrayInputStream(bytes), 1 << 20);
            keys[i] = local.commitContentAddressed(StorageArea.DICOM, staged).key();
        }
        local.put(StorageArea.MODELS, "grade-model/1.0.0/model.onnx", new byte[]{1, 2, 3});
        local.put(StorageArea.MODELS, "grade-model/1.0.0/model-card.json", "{}".getBytes());
        local.put(StorageArea.DEID, "deid.key", new byte[32]);

        S3Settings target = S3ProxyServer.shared().settings(workDir);
        try (S3ObjectStorage s3 = new S3ObjectStorage(target)) {
            s3.ensureBucket();
            StorageMigration.Report first = new StorageMigration(local, s3, line -> { }).run();
            assertThat(first.copied()).isEqualTo(6);
            assertThat(first.failures()).isEmpty();
            for (StorageArea area : StorageArea.values()) {
                assertThat(s3.list(area, "")).isEqualTo(local.list(area, ""));
            }

            StorageMigration.Report again = new StorageMigration(local, s3, line -> { }).run();
            assertThat(again.copied()).isZero();
            assertThat(again.alreadyPresent()).isEqualTo(6);

            // a damaged copy in the bucket is found by its digest and replaced
            s3.put(StorageArea.DICOM, keys[1], "not the original bytes".getBytes());
            StorageMigration.Report repair = new StorageMigration(local, s3, line -> { }).run();
            assertThat(repair.repaired()).isEqualTo(1);
            assertThat(repair.alreadyPresent()).isEqualTo(5);
            assertThat(s3.read(StorageArea.DICOM, keys[1])).isEqualTo(local.read(StorageArea.DICOM, keys[1]));
        }
    }

    @Test
    void aDamagedSourceFileIsReportedAndNotCopied() throws Exception {
        LocalObjectStorage local = new LocalObjectStorage(dataDir);
        Staged staged = local.stage(new ByteArrayInputStream(new byte[]{9, 9, 9}), 100);
        String key = local.commitContentAddressed(StorageArea.DICOM, staged).key();
        Files.write(local.pathOf(StorageArea.DICOM, key), new byte[]{6, 6, 6});

        S3Settings target = S3ProxyServer.shared().settings(workDir);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        boolean ok;
        System.setOut(new PrintStream(printed, true));
        try {
            ok = StorageMigrateCommand.run(dataDir, target);
        } finally {
            System.setOut(out);
        }
        assertThat(ok).isFalse();
        assertThat(printed.toString()).contains("FAILED archive/" + key + ": the source file is damaged")
                .contains("1 objects: 0 copied, 0 already there, 0 replaced (damaged copy), 1 failed");
        try (S3ObjectStorage s3 = new S3ObjectStorage(target)) {
            assertThat(s3.exists(StorageArea.DICOM, key)).isFalse();
        }
    }
}

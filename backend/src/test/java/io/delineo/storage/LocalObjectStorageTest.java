package io.delineo.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalObjectStorageTest extends ObjectStorageContract {
    @TempDir
    Path dataDir;
    LocalObjectStorage storage;

    @BeforeEach
    void open() throws Exception {
        storage = new LocalObjectStorage(dataDir);
    }

    @Override
    ObjectStorage storage() { return storage; }

    @Override
    Path stagingDir() { return dataDir.resolve("archive/tmp"); }

    @Test
    void keepsTheArchiveLayoutOfEarlierVersions() throws Exception {
        byte[] bytes = randomBytes(1000, 7);
        Staged staged = storage.stage(new ByteArrayInputStream(bytes), 1 << 20);
        StoredObject o = storage.commitContentAddressed(StorageArea.DICOM, staged);
        String sha = staged.sha256();
        Path expected = dataDir.resolve("archive").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha + ".dcm");
        assertThat(Files.readAllBytes(expected)).isEqualTo(bytes);
        assertThat(storage.localFile(StorageArea.DICOM, o.key())).isEqualTo(expected);
    }

    @Test
    void movesTheDeidentificationKeyOfEarlierVersionsIntoItsArea() throws Exception {
        Path legacyDir = dataDir.resolve("legacy");
        Files.createDirectories(legacyDir);
        byte[] secret = randomBytes(32, 8);
        Files.write(legacyDir.resolve("deid.key"), secret);
        Files.setPosixFilePermissions(legacyDir.resolve("deid.key"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        LocalObjectStorage upgraded = new LocalObjectStorage(legacyDir);
        assertThat(upgraded.read(StorageArea.DEID, "deid.key")).isEqualTo(secret);
        assertThat(legacyDir.resolve("deid.key")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(legacyDir.resolve("deid/deid.key")))
                .as("the secret stays readable by the portal only").hasSize(2);
    }

    @Test
    void temporaryFilesAreNeverListed() throws Exception {
        storage.put(StorageArea.MODELS, "m/1/model.onnx", new byte[]{1});
        Files.createDirectories(dataDir.resolve("models/.tmp-123"));
        Files.write(dataDir.resolve("models/.tmp-123/model.onnx"), new byte[]{2});
        Files.write(dataDir.resolve("archive/tmp/leftover.part"), new byte[]{3});
        assertThat(storage.list(StorageArea.MODELS, "")).containsExactly("m/1/model.onnx");
        assertThat(storage.list(StorageArea.DICOM, "")).isEmpty();
    }
}

package io.delineo.archive;

import io.delineo.storage.ObjectStorage;
import io.delineo.storage.StorageArea;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The archive's stored instances, by the SHA-256 the index records, in the DICOM area of the portal's
 * {@link ObjectStorage}. An unreachable store surfaces as {@link io.delineo.storage.StorageUnavailableException}
 * (503); a file the index names but the store lacks is an internal error.
 */
@ApplicationScoped
public class ArchiveFiles {
    @Inject
    ObjectStorage storage;

    /** A local file with the instance's bytes (the stored file itself for local storage, a cached copy for S3). */
    public Path file(String sha256) {
        try {
            return storage.localFile(StorageArea.DICOM, StorageArea.DICOM.contentKey(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("the stored instance " + sha256 + " cannot be read from "
                    + storage.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The instance's bytes as a stream. */
    public InputStream open(String sha256) throws IOException {
        return storage.open(StorageArea.DICOM, StorageArea.DICOM.contentKey(sha256));
    }

    /** {@code length} bytes of the instance from {@code offset} (one frame, say). */
    public InputStream openRange(String sha256, long offset, long length) throws IOException {
        return storage.openRange(StorageArea.DICOM, StorageArea.DICOM.contentKey(sha256), offset, length);
    }
}

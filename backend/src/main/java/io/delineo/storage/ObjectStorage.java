package io.delineo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every file the portal keeps (DICOM instances, model files, exports, job outputs, audit checkpoints,
 * de-identification secrets), on local disk or in an S3 bucket. Writes are atomic: an object is visible under its
 * key only once complete, and replacing one never shows a mix. Keys are relative to the area, '/'-separated.
 *
 * <p>Missing objects raise {@link NoSuchFileException}; an unreachable store raises
 * {@link StorageUnavailableException}; other failures raise {@link IOException}.
 */
public interface ObjectStorage {

    /**
     * Streams {@code in} to a local temporary file while computing its SHA-256 and size. Past {@code maxBytes} it
     * throws {@link ObjectTooLargeException} and keeps nothing. The staged file must be committed or discarded.
     */
    Staged stage(InputStream in, long maxBytes) throws IOException;

    /**
     * Stores staged bytes under their content key ({@link StorageArea#contentKey}). Idempotent: the same bytes twice
     * are one object ({@link StoredObject#created()} false the second time). The staged file is consumed (local) or
     * left for {@link #discard} (S3); calling discard afterwards is always safe.
     */
    StoredObject commitContentAddressed(StorageArea area, Staged staged) throws IOException;

    /** Removes a staged file that is not (or no longer) needed; never fails for an already-removed one. */
    void discard(Staged staged);

    /** Writes (or atomically replaces) {@code key} with the given bytes. */
    default void put(StorageArea area, String key, byte[] bytes) throws IOException {
        put(area, key, new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    /** Writes (or atomically replaces) {@code key} with {@code length} bytes read from {@code in}. */
    void put(StorageArea area, String key, InputStream in, long length) throws IOException;

    /** The whole object. */
    InputStream open(StorageArea area, String key) throws IOException;

    /** {@code length} bytes starting at {@code offset} (fewer if the object ends first). */
    InputStream openRange(StorageArea area, String key, long offset, long length) throws IOException;

    /** The object's whole content. */
    default byte[] read(StorageArea area, String key) throws IOException {
        try (InputStream in = open(area, key)) {
            return in.readAllBytes();
        }
    }

    /**
     * A local file holding the object's bytes, for readers that need random access. Local storage returns the stored
     * file itself; remote storage returns a cached copy. Meant for immutable (content-addressed) objects: a cached
     * copy of a replaced object may be stale.
     */
    Path localFile(StorageArea area, String key) throws IOException;

    /** The object's size, or empty when no object is stored under the key. */
    Optional<Long> size(StorageArea area, String key) throws IOException;

    default boolean exists(StorageArea area, String key) throws IOException {
        return size(area, key).isPresent();
    }

    /** Removes the object; nothing happens when it does not exist. */
    void delete(StorageArea area, String key) throws IOException;

    /** Keys in the area starting with {@code prefix} ("" for all), sorted. */
    List<String> list(StorageArea area, String prefix) throws IOException;

    /** Where an object lives, for logs and database rows (a file path or an s3:// URI). */
    String locationOf(StorageArea area, String key);

    /** One line naming this store for startup logs and error messages. */
    String describe();
}

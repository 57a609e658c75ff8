package io.delineo.archive;

import io.delineo.storage.Staged;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one place where the archive reads parts of stored or staged objects: every read is a byte range of one object,
 * so it maps onto a ranged read of whatever holds the files.
 */
public final class StoredBytes {
    private StoredBytes() {
    }

    /** Reads bytes of one object. */
    @FunctionalInterface
    public interface Ranges {
        byte[] read(long offset, int length) throws IOException;
    }

    /** Ranged reads of a stored object, by its content hash. */
    public static Ranges of(ArchiveFiles files, String sha256) {
        return (offset, length) -> {
            try (InputStream in = files.openRange(sha256, offset, length)) {
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new EOFException("stored object " + sha256 + " ends before byte " + (offset + length));
                }
                return bytes;
            }
        };
    }

    /** Ranged reads of an object still in the staging area. */
    public static Ranges of(Staged staged) {
        return ofFile(staged.file());
    }

    static Ranges ofFile(Path file) {
        return (offset, length) -> {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(length);
                long at = offset;
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, at);
                    if (n < 0) throw new EOFException(file.getFileName() + " ends before byte " + (offset + length));
                    at += n;
                }
                return buf.array();
            }
        };
    }
}

package io.delineo.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One file per stored object, named by the SHA-256 of its bytes ({@code root/ab/cd/<sha256>.dcm}). Writes are atomic:
 * bytes go to a temporary file in {@code root/tmp}, are fsynced, then renamed into place and the directory fsynced,
 * so a crash never leaves a half-written object under a final name. Identical bytes map to the same file, so storing
 * the same object twice is naturally a no-op.
 */
public final class ContentAddressedStore {
    /** A file written to the temporary area, not yet visible under its final name. */
    public record Staged(Path temp, String sha256, long size) {
    }

    /** Thrown when an upload exceeds the per-object limit; nothing is kept. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("object larger than the limit of " + limit + " bytes");
        }
    }

    private final Path root;
    private final Path tmp;

    public ContentAddressedStore(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.tmp = this.root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    public Path root() { return root; }

    public Staged stage(InputStream in, long maxBytes) throws IOException {
        Path temp = tmp.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        long size = 0;
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), sha)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) throw new TooLargeException(maxBytes);
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(temp);
        }
        return new Staged(temp, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Moves a staged file to its final name. Returns true when the file is new, false when it was already stored. */
    public boolean commit(Staged staged) throws IOException {
        Path target = pathOf(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged.temp());
            return false;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(staged.temp());
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file store needs a file system with atomic rename: " + root, e);
        }
        fsyncDirectory(target.getParent());
        return true;
    }

    public void discard(Staged staged) throws IOException {
        Files.deleteIfExists(staged.temp());
    }

    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    public Path pathOf(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".dcm");
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems refuse to open directories; the rename itself is still atomic
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

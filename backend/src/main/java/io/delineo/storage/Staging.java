package io.delineo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/** Receives bytes into a fsynced temporary file of one folder, hashing them on the way. */
final class Staging {
    private final Path dir;

    Staging(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir);
    }

    Path dir() { return dir; }

    Path newTempFile() {
        return dir.resolve(UUID.randomUUID() + ".part");
    }

    Staged stage(InputStream in, long maxBytes) throws IOException {
        Path temp = newTempFile();
        MessageDigest sha = Keys.sha256();
        long size = 0;
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) throw new ObjectTooLargeException(maxBytes);
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

    static void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException ignored) {
            // a leftover temporary file is harmless: it never has a final name
        }
    }

    /** A stream of at most {@code limit} bytes of {@code in}. */
    static InputStream bounded(InputStream in, long limit) {
        return new java.io.FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), left);
            }

            @Override
            public boolean markSupported() { return false; }
        };
    }
}

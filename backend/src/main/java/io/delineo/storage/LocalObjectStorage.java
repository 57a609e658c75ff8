package io.delineo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects as files under the data directory, one folder per area ({@code <data-dir>/archive/ab/cd/<sha256>.dcm} for
 * DICOM, as the archive always kept them). Every write goes to a temporary file in the area, is fsynced, renamed
 * into place atomically and the folder fsynced, so a crash never leaves a half-written object under a final name.
 */
public final class LocalObjectStorage implements ObjectStorage {
    private final Path dataDir;
    private final Staging staging;

    public LocalObjectStorage(Path dataDir) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.staging = new Staging(this.dataDir.resolve(StorageArea.DICOM.prefix()).resolve("tmp"));
        moveLegacyDeidKey();
    }

    /** The root folder of an area. */
    public Path root(StorageArea area) {
        return dataDir.resolve(area.prefix());
    }

    /** The file of a key (which may not exist). */
    public Path pathOf(StorageArea area, String key) {
        return root(area).resolve(Keys.check(key));
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        return staging.stage(in, maxBytes);
    }

    @Override
    public StoredObject commitContentAddressed(StorageArea area, Staged staged) throws IOException {
        String key = area.contentKey(staged.sha256());
        Path target = pathOf(area, key);
        if (Files.exists(target)) {
            Staging.discard(staged);
            return new StoredObject(area, key, staged.sha256(), staged.size(), false);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Staging.discard(staged);
            return new StoredObject(area, key, staged.sha256(), staged.size(), false);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("local storage needs a file system with atomic rename: " + dataDir, e);
        }
        fsyncDirectory(target.getParent());
        return new StoredObject(area, key, staged.sha256(), staged.size(), true);
    }

    @Override
    public void discard(Staged staged) {
        Staging.discard(staged);
    }

    @Override
    public void put(StorageArea area, String key, InputStream in, long length) throws IOException {
        Path target = pathOf(area, key);
        Path temp = writeTemp(area, in);
        try {
            Files.createDirectories(target.getParent());
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(target.getParent());
    }

    @Override
    public InputStream open(StorageArea area, String key) throws IOException {
        return Files.newInputStream(pathOf(area, key));
    }

    @Override
    public InputStream openRange(StorageArea area, String key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative range " + offset + "+" + length);
        FileChannel channel = FileChannel.open(pathOf(area, key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return Staging.bounded(Channels.newInputStream(channel), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Path localFile(StorageArea area, String key) throws IOException {
        Path file = pathOf(area, key);
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        return file;
    }

    @Override
    public Optional<Long> size(StorageArea area, String key) throws IOException {
        Path file = pathOf(area, key);
        return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
    }

    @Override
    public void delete(StorageArea area, String key) throws IOException {
        Files.deleteIfExists(pathOf(area, key));
    }

    @Override
    public List<String> list(StorageArea area, String prefix) throws IOException {
        String p = Keys.checkPrefix(prefix);
        Path root = root(area);
        if (!Files.isDirectory(root)) return List.of();
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> {
                String key = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (key.startsWith(p) && !isTemporary(area, key)) keys.add(key);
            });
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public String locationOf(StorageArea area, String key) {
        return pathOf(area, key).toString();
    }

    @Override
    public String describe() {
        return "local storage in " + dataDir;
    }

    /** Temporary files and folders (the archive's tmp/, any hidden segment) are never keys. */
    private static boolean isTemporary(StorageArea area, String key) {
        if (area == StorageArea.DICOM && key.startsWith("tmp/")) return true;
        for (String segment : key.split("/")) if (segment.startsWith(".")) return true;
        return false;
    }

    private Path writeTemp(StorageArea area, InputStream in) throws IOException {
        Path dir = area == StorageArea.DICOM ? staging.dir() : root(area).resolve(".tmp");
        Files.createDirectories(dir);
        Path temp = dir.resolve(java.util.UUID.randomUUID() + ".part");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (area == StorageArea.DEID) ownerOnly(temp);
            in.transferTo(Channels.newOutputStream(channel));
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Secrets are readable by the portal's user only (where the file system knows POSIX permissions). */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: the data directory's own permissions apply
        }
    }

    private void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("local storage needs a file system with atomic rename: " + dataDir, e);
        }
    }

    /** Earlier versions kept the de-identification key directly in the data directory. */
    private void moveLegacyDeidKey() throws IOException {
        Path legacy = dataDir.resolve("deid.key");
        Path now = pathOf(StorageArea.DEID, "deid.key");
        if (Files.isRegularFile(legacy) && !Files.exists(now)) {
            Files.createDirectories(now.getParent());
            moveAtomically(legacy, now);
            fsyncDirectory(now.getParent());
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems refuse to open directories; the rename itself is still atomic
        }
    }
}

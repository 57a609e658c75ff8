package io.delineo.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoints as files under {@code <delineo.data-dir>/audit-checkpoints/}: written to a temporary file, fsynced,
 * renamed atomically, and the directory fsynced, so a crash leaves either the whole checkpoint or none.
 */
@DefaultBean
@ApplicationScoped
public class FileCheckpointStore implements CheckpointStore {
    static final String DIRECTORY = "audit-checkpoints";

    private final Path dir;

    FileCheckpointStore(@ConfigProperty(name = "delineo.data-dir") String dataDir) {
        this.dir = Path.of(dataDir).resolve(DIRECTORY);
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(checked(name));
        Path tmp = dir.resolve("." + name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public List<String> list() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Override
    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(checked(name)));
    }

    private static String checked(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a checkpoint name: " + name);
        }
        return name;
    }
}

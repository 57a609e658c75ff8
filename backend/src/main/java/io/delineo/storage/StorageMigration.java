package io.delineo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies every object of one store into another, area by area, and proves each copy by reading it back and comparing
 * SHA-256 digests. Objects already present with the right digest are left alone, so the copy can be repeated (or
 * resumed after an interruption) any number of times; a target copy with the wrong digest is replaced.
 */
public final class StorageMigration {
    private static final Pattern CONTENT_KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/([0-9a-f]{64})(\\.[a-z]+)?");

    /** What a run did; {@code failures} name the objects not copied (with why). */
    public record Report(int copied, int alreadyPresent, int repaired, List<String> failures) {
        public int total() { return copied + alreadyPresent + repaired + failures.size(); }

        public boolean ok() { return failures.isEmpty(); }
    }

    private final ObjectStorage from;
    private final ObjectStorage to;
    private final Consumer<String> progress;

    public StorageMigration(ObjectStorage from, ObjectStorage to, Consumer<String> progress) {
        this.from = from;
        this.to = to;
        this.progress = progress;
    }

    public Report run() throws IOException {
        int copied = 0, present = 0, repaired = 0;
        List<String> failures = new ArrayList<>();
        for (StorageArea area : StorageArea.values()) {
            List<String> keys = from.list(area, "");
            if (!keys.isEmpty()) progress.accept(area.prefix() + ": " + keys.size() + " objects");
            for (String key : keys) {
                String name = area.prefix() + "/" + key;
                String sha = digest(from, area, key);
                Matcher m = CONTENT_KEY.matcher(key);
                if (m.matches() && !m.group(1).equals(sha)) {
                    failures.add(name + ": the source file is damaged (its SHA-256 is " + sha + ", not the one in its name)");
                    continue;
                }
                boolean existed = to.exists(area, key);
                if (existed && digest(to, area, key).equals(sha)) {
                    present++;
                    continue;
                }
                if (existed) progress.accept(name + ": the copy in the target differs from the source; replacing it");
                long size = from.size(area, key).orElseThrow();
                try (InputStream in = from.open(area, key)) {
                    to.put(area, key, in, size);
                }
                String copy = digest(to, area, key);
                if (!copy.equals(sha)) {
                    failures.add(name + ": the copy read back has SHA-256 " + copy + ", the source " + sha);
                } else if (existed) {
                    repaired++;
                } else {
                    copied++;
                }
            }
        }
        return new Report(copied, present, repaired, failures);
    }

    static String digest(ObjectStorage storage, StorageArea area, String key) throws IOException {
        MessageDigest sha = Keys.sha256();
        try (InputStream in = new DigestInputStream(storage.open(area, key), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}

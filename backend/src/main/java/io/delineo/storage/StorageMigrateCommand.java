package io.delineo.storage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./delineo storage migrate --to-s3}: copies the local store of a data directory into the S3 bucket named by
 * the DELINEO_S3_* environment variables, verifying every object's SHA-256 after upload. Prints counts; exit status
 * 0 when every object is in the bucket with the right digest, 1 otherwise, 2 for wrong usage. Safe to repeat.
 */
public final class StorageMigrateCommand {
    private StorageMigrateCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getenv().getOrDefault("DELINEO_DATA_DIR", "data"));
        boolean toS3 = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to-s3" -> toS3 = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (!toS3) usage("say where to: --to-s3");
        if (!Files.isDirectory(dataDir)) usage("no data directory at " + dataDir.toAbsolutePath());
        System.exit(run(dataDir, S3Settings.fromEnvironment(dataDir.resolve("s3"))) ? 0 : 1);
    }

    /** The migration with its printed report; true when everything is in the bucket. */
    public static boolean run(Path dataDir, S3Settings target) throws Exception {
        LocalObjectStorage local = new LocalObjectStorage(dataDir);
        try (S3ObjectStorage s3 = new S3ObjectStorage(target)) {
            s3.ensureBucket();
            System.out.println("copying " + local.describe() + " to " + s3.describe());
            StorageMigration.Report r = new StorageMigration(local, s3, System.out::println).run();
            r.failures().forEach(f -> System.out.println("FAILED " + f));
            System.out.printf("%d objects: %d copied, %d already there, %d replaced (damaged copy), %d failed%n",
                    r.total(), r.copied(), r.alreadyPresent(), r.repaired(), r.failures().size());
            return r.ok();
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ./delineo storage migrate --to-s3 [--data-dir DIR]   (bucket from DELINEO_S3_*)");
        System.exit(2);
    }
}

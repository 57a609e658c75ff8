package io.delineo.testing;

import io.agroal.api.AgroalDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's invariant, checked from outside: every indexed instance has its file with the recorded hash, every
 * stored file is referenced by an instance, no temporary files linger, and no study or series is empty.
 */
public final class ArchiveConsistency {
    private ArchiveConsistency() {
    }

    public static void assertConsistent(AgroalDataSource ds, Path archiveRoot) throws Exception {
        Set<String> referenced = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT file_sha256 FROM instance")) {
                while (rs.next()) referenced.add(rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT (SELECT count(*) FROM series se WHERE NOT EXISTS (SELECT 1 FROM instance i WHERE i.series_fk = se.id)),
                           (SELECT count(*) FROM study st WHERE NOT EXISTS (SELECT 1 FROM series se WHERE se.study_fk = st.id))""")) {
                rs.next();
                assertThat(rs.getLong(1)).as("series without instances (half-indexed)").isZero();
                assertThat(rs.getLong(2)).as("studies without series (half-indexed)").isZero();
            }
        }
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.walk(archiveRoot)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getParent().getFileName().toString().equals("tmp")) {
                    throw new AssertionError("temporary file left behind: " + f);
                }
                String name = f.getFileName().toString();
                String sha = name.substring(0, name.length() - ".dcm".length());
                assertThat(sha256(f)).as("content of " + f).isEqualTo(sha);
                onDisk.add(sha);
            }
        }
        assertThat(onDisk).as("files on disk vs instances in the index").isEqualTo(referenced);
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

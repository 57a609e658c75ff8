package io.delineo.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the test data under src/test/resources/dicom and the dcmdump golden index. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        URL url = TestFiles.class.getResource("/dicom/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource dicom/" + name + " missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path pydicomFile(String relative) {
        return resource("pydicom-test-files/test_files").resolve(relative);
    }

    /** One line of golden/dcmdump/index.tsv. */
    public record IndexEntry(String file, String status, String options, String note) {
        public boolean hasGolden() {
            return status.startsWith("ok");
        }
    }

    public static List<IndexEntry> goldenIndex() {
        List<IndexEntry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(resource("golden/dcmdump/index.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new IndexEntry(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every DICOM file that dcmdump could read (the conformance set). */
    public static List<String> conformanceFiles() {
        return goldenIndex().stream().filter(IndexEntry::hasGolden).map(IndexEntry::file).toList();
    }

    public static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.delineo.interop.common;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.dicom.io.ReadOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test data locations and the external oracles (dciodvfy, pydicom) the interop tests call. */
public final class InteropTestSupport {
    public static final String PYTHON = "/usr/bin/python3";

    private InteropTestSupport() {
    }

    public static Path resource(String relative) {
        URL url = InteropTestSupport.class.getResource("/interop/" + relative);
        if (url == null) throw new IllegalStateException("test resource interop/" + relative + " is missing");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo CT (79 slices) shipped with the project. */
    public static Path demoCt() {
        Path p = Path.of("demo-data/pancreatic-ct");
        if (!Files.isDirectory(p)) p = Path.of("backend/demo-data/pancreatic-ct");
        if (!Files.isDirectory(p)) throw new IllegalStateException("backend/demo-data/pancreatic-ct is missing");
        return p;
    }

    public static Path pydicomTestFile(String relative) {
        URL url = InteropTestSupport.class.getResource("/dicom/pydicom-test-files/test_files/" + relative);
        if (url == null) throw new IllegalStateException("pydicom test file " + relative + " is missing");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers (no pixel data) of every DICOM file in a folder (names ending .dcm, or without extension). */
    public static List<Dataset> headers(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Dataset> out = new ArrayList<>();
            for (Path f : files.filter(f -> Files.isRegularFile(f)
                    && (f.toString().endsWith(".dcm") || !f.getFileName().toString().contains(".")
                    && !f.getFileName().toString().startsWith("LICENSE"))).sorted().toList()) {
                out.add(DicomReader.read(f, ReadOptions.DEFAULTS.withStopBeforePixelData(true)).dataset());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceSeries series(Path folder) {
        return SourceSeries.of(headers(folder));
    }

    public static Path write(Dataset ds, Path file) {
        DicomWriter.write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
        return file;
    }

    /** dciodvfy's report of a file: its Error and Warning lines. Fails clearly when dicom3tools is missing. */
    public record Validation(List<String> errors, List<String> warnings) {
    }

    public static Validation dciodvfy(Path file) {
        requireExecutable("/usr/bin/dciodvfy", "dciodvfy (Debian package dicom3tools; `./delineo test` installs it)");
        String out = run(List.of("/usr/bin/dciodvfy", file.toString()));
        List<String> errors = new ArrayList<>(), warnings = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("Error")) errors.add(line.trim());
            else if (line.startsWith("Warning")) warnings.add(line.trim());
        }
        return new Validation(errors, warnings);
    }

    /** Runs a Python snippet with Debian's pydicom; fails clearly when python3 or pydicom is missing. */
    public static String pydicom(String script, String... args) {
        requireExecutable(PYTHON, "/usr/bin/python3 with pydicom (Debian package python3-pydicom)");
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
        command.addAll(List.of(args));
        return run(command);
    }

    private static void requireExecutable(String path, String what) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new AssertionError("required test oracle missing: " + what + " (not found at " + path + ")");
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish");
            }
            if (command.get(0).equals(PYTHON) && p.exitValue() != 0) {
                throw new AssertionError("python failed (exit " + p.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package io.delineo.dicom;

import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Part 10 file we write from a conformance file passes dicom3tools' dciodvfy with no error that dciodvfy did
 * not already report for the original (we may remove errors, never add them). Needs the dicom3tools Debian package.
 */
public class DciodvfyTest {

    @Test
    void writtenFilesAddNoDciodvfyErrors(@TempDir Path tmp) throws Exception {
        boolean available = commandExists("dciodvfy") && commandExists("dcmconv");
        if (!available) {
            System.err.println("DciodvfyTest SKIPPED: dciodvfy (dicom3tools) or dcmconv (dcmtk) is not installed");
        }
        Assumptions.assumeTrue(available, "dciodvfy (dicom3tools) or dcmconv (dcmtk) is not installed");
        List<String> newErrors = new ArrayList<>();
        int checked = 0;
        int converted = 0;
        for (String file : TestFiles.conformanceFiles()) {
            Path source = TestFiles.pydicomFile(file);
            DicomFile parsed = DicomReader.read(source);
            if (!RoundTripTest.hasSopUids(parsed)) {
                continue;
            }
            Path written = tmp.resolve("out.dcm");
            DicomWriter.write(parsed, written);
            Set<String> before = errors(source);
            if (before.contains("Error - Dicom dataset read failed")) {
                // dciodvfy cannot read some originals (deflated, broken lengths): the baseline then adds the errors
                // of dcmtk's own conversion of the original to Explicit VR Little Endian
                Path baseline = tmp.resolve("baseline.dcm");
                run("dcmconv", "+te", source.toString(), baseline.toString());
                before.addAll(errors(baseline));
                converted++;
            }
            for (String error : errors(written)) {
                if (!before.contains(error)) {
                    newErrors.add(file + ": " + error);
                }
            }
            checked++;
        }
        System.out.println("dciodvfy: compared " + checked + " written files with their originals (" + converted
                + " originals unreadable by dciodvfy were compared via dcmconv +te)");
        assertThat(checked).isGreaterThan(100);
        assertThat(newErrors).isEmpty();
    }

    public static Set<String> errors(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dciodvfy", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("dciodvfy timed out on " + file);
        }
        Set<String> errors = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line.trim());
            }
        }
        return errors;
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    public static boolean commandExists(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

package io.delineo.radiomics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RadiomicsCliTest {
    @TempDir
    Path tmp;

    static String res(String name) throws Exception {
        return Path.of(RadiomicsCliTest.class.getResource("/radiomics/ibsi1-digital-phantom/" + name).toURI()).toString();
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = RadiomicsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsHeaderAndOneRowWithIbsiCodes() throws Exception {
        Path settings = tmp.resolve("s.json");
        Files.writeString(settings, "{\"dimensions\":\"2D\",\"filters\":[{\"type\":\"LoG\",\"sigmaMm\":2}]}");
        String[] r = run("--image", res("image.nii.gz"), "--mask", res("mask.nii.gz"), "--roi", "1",
                "--settings", settings.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        assertThat(lines).hasSize(2);
        String[] header = lines[0].split(","), row = lines[1].split(",");
        assertThat(header).hasSameSizeAs(row);
        assertThat(header).contains("RNU0", "Q4LE", "GYBY_2D_avg", "GYBY_2_5D_vmrg", "5QRC_2D_avg", "LoG_s2mm_Q4LE",
                "settings_sha256", "software_version");
        int mean = java.util.Arrays.asList(header).indexOf("Q4LE");
        assertThat(Double.parseDouble(row[mean])).isEqualTo(2.148648648648649, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void refusesBadInputsAndArgumentsClearly() throws Exception {
        String[] r = run("--image", tmp.toString(), "--mask", res("mask.nii.gz"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no DICOM images found in " + tmp);
        Path dcm = tmp.resolve("rs.dcm");
        Files.write(dcm, new byte[200]);
        assertThat(run("--image", res("image.nii.gz"), "--mask", dcm.toString())[2])
                .contains("expected a NIfTI file (.nii, .nii.gz) or a DICOM RTSTRUCT / SEG");
        assertThat(run("--image", res("image.nii.gz"))[2]).contains("--image and --mask are required");
        assertThat(run("--image", res("image.nii.gz"), "--mask", res("mask.nii.gz"), "--roi", "GTV")[2])
                .contains("no ROI names");
        assertThat(run("--image", res("image.nii.gz"), "--mask", res("mask.nii.gz"), "--roi", "7")[2])
                .contains("no voxels have label 7");
        assertThat(run("--bogus", "x")[2]).contains("unknown option --bogus");
    }
}

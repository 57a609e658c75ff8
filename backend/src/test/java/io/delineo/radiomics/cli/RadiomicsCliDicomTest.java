package io.delineo.radiomics.cli;

import io.delineo.imaging.BitMask;
import io.delineo.interop.nifti.LabelMapWriter;
import io.delineo.interop.nifti.LabeledMask;
import io.delineo.interop.nifti.NiftiWriter;
import io.delineo.radiomics.RoiMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on DICOM inputs (the demo CT folder and the MIM RTSTRUCT drawn on it) gives exactly the row it
 * gives on the same image and ROI written as NIfTI: the DICOM adapters are checked against the verified NIfTI path.
 */
class RadiomicsCliDicomTest {
    static final Path CT = Path.of("demo-data/pancreatic-ct");
    static final Path RTSTRUCT = Path.of("src/test/resources/interop/pancreatic-ct-rtstruct/rtstruct.dcm");

    @TempDir
    Path tmp;

    static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = RadiomicsCli.run(args, new PrintStream(out), new PrintStream(err));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void dicomSeriesAndRtstructGiveTheSameRowAsTheirNiftiCopies() throws Exception {
        Path settings = tmp.resolve("settings.json");
        Files.writeString(settings, "{\"discretisation\": {\"method\": \"FBN\", \"value\": 32}}");
        String[] dicom = run("--image", CT.toString(), "--mask", RTSTRUCT.toString(), "--roi", "stomach_duo_planct",
                "--settings", settings.toString());
        assertThat(dicom[0]).as(dicom[2]).isEqualTo("0");

        DicomSources.Series series = DicomSources.series(CT);
        RoiMask roi = DicomSources.mask(RTSTRUCT, series, "Stomach_duo_planCT");
        Path image = tmp.resolve("ct.nii.gz"), mask = tmp.resolve("roi.nii.gz");
        NiftiWriter.write(series.volume(), io.delineo.interop.nifti.NiftiDatatype.FLOAT32, image);
        BitMask bits = new BitMask(series.volume().grid());
        for (int i = 0; i < bits.grid().size(); i++) if (roi.contains(i)) bits.set(i);
        LabelMapWriter.write(List.of(new LabeledMask(1, "stomach", bits)), mask, tmp.resolve("roi.csv"));
        String[] nifti = run("--image", image.toString(), "--mask", mask.toString(), "--settings", settings.toString());
        assertThat(nifti[0]).as(nifti[2]).isEqualTo("0");
        assertThat(dicom[1]).isEqualTo(nifti[1]);
        assertThat(roi.voxelCount()).isGreaterThan(1000);
    }

    @Test
    void anRtstructWithSeveralRoisNeedsAName() {
        String[] r = run("--image", CT.toString(), "--mask", RTSTRUCT.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("choose one with --roi NAME").contains("LUNG_L");
        String[] nifti = run("--image", "x.nii.gz", "--mask", RTSTRUCT.toString());
        assertThat(nifti[2]).contains("needs its DICOM image series");
    }
}

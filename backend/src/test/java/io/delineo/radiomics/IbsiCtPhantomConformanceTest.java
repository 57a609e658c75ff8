package io.delineo.radiomics;

import io.delineo.imaging.Volume;
import io.delineo.interop.nifti.NiftiReader;
import io.delineo.radiomics.settings.RadiomicsSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optional IBSI chapter 1 conformance run on the CT radiomics phantom (configurations A, B, C). The phantom is
 * CC BY-NC, so it is never copied into the project: the test runs only where the shared data folder exists
 * (../shared/data/ibsi1 next to the repository, or the path in system property {@code ibsi1.dir}) and is skipped
 * with a message otherwise. Settings per the IBSI configuration table (see the reference README).
 */
class IbsiCtPhantomConformanceTest {
    static final Map<String, String> SETTINGS = Map.of(
            "A", "{\"dimensions\":\"2D\",\"resegmentation\":{\"range\":[-500,400]},"
                    + "\"discretisation\":{\"method\":\"FBS\",\"value\":25}}",
            "B", "{\"dimensions\":\"2D\",\"resampling\":{\"spacingMm\":[2,2],\"interpolation\":\"linear\","
                    + "\"roundIntensities\":true,\"roiInterpolation\":\"linear\",\"roiPartialVolume\":0.5},"
                    + "\"resegmentation\":{\"range\":[-500,400]},\"discretisation\":{\"method\":\"FBN\",\"value\":32}}",
            "C", "{\"dimensions\":\"3D\",\"resampling\":{\"spacingMm\":[2,2,2],\"interpolation\":\"trilinear\","
                    + "\"roundIntensities\":true,\"roiInterpolation\":\"trilinear\",\"roiPartialVolume\":0.5},"
                    + "\"resegmentation\":{\"range\":[-1000,400]},\"discretisation\":{\"method\":\"FBS\",\"value\":25},"
                    + "\"ivhDiscretisation\":{\"method\":\"FBS\",\"value\":2.5}}");

    static Path ibsiDir() {
        String p = System.getProperty("ibsi1.dir");
        if (p != null) return Path.of(p);
        for (Path c : List.of(Path.of("../../shared/data/ibsi1"), Path.of("../shared/data/ibsi1"),
                Path.of("/work/shared/data/ibsi1"))) {
            if (Files.isDirectory(c)) return c;
        }
        return Path.of("../shared/data/ibsi1");
    }

    @ParameterizedTest(name = "configuration {0}")
    @ValueSource(strings = {"A", "B", "C"})
    void ctPhantomMatchesReference(String config) throws Exception {
        Path dir = ibsiDir();
        Path image = dir.resolve("ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz");
        Path mask = dir.resolve("ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz");
        Path ref = dir.resolve("reference/ibsi_1_reference_values_config_" + config + ".csv");
        Assumptions.assumeTrue(Files.exists(image) && Files.exists(mask) && Files.exists(ref),
                "SKIPPED: IBSI CT phantom not found under " + dir.toAbsolutePath()
                        + " (CC BY-NC data, deliberately not in the repository; set -Dibsi1.dir=... to run)");
        Volume v = NiftiReader.read(image).volume();
        float[] d = v.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) Math.rint(d[i]); // IBSI: float, rounded to integers
        Volume m = NiftiReader.read(mask).volume();
        boolean[] roi = new boolean[d.length];
        for (int i = 0; i < roi.length; i++) roi[i] = m.data()[i] > 0.5;
        FeatureResult r = new RadiomicsExtractor().extract(v, roi, RadiomicsSettings.parse(SETTINGS.get(config)));

        Map<String, int[]> perFamily = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (IbsiReference row : IbsiReference.read(ref)) {
            String column = IbsiReferenceTags.column(row.tag());
            if (column == null) continue; // diagnostics rows
            Double value = r.values().get(column);
            boolean ok = value != null && IbsiReferenceTags.matches(value, row.value(), row.tolerance());
            perFamily.computeIfAbsent(row.familyPrefix(), k -> new int[2])[ok ? 0 : 1]++;
            if (!ok) failures.add(row.tag() + ": expected " + row.value() + " +/- " + row.tolerance() + ", got " + value);
        }
        StringBuilder report = new StringBuilder("IBSI CT phantom configuration " + config + ":");
        perFamily.forEach((f, c) -> report.append(' ').append(f).append(' ').append(c[0]).append('/').append(c[0] + c[1]));
        System.out.println(report);
        assertThat(failures).as(report.toString()).isEmpty();
    }
}

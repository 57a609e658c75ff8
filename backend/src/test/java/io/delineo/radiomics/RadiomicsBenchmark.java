package io.delineo.radiomics;

import io.delineo.testing.DemoCase;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.Volume;
import io.delineo.interop.nifti.NiftiReader;
import io.delineo.radiomics.features.texture.TextureFeatures;
import io.delineo.radiomics.features.texture.TextureVolume;
import io.delineo.radiomics.processing.DiscretisedImage;
import io.delineo.radiomics.processing.Discretiser;
import io.delineo.radiomics.processing.PreparedRoi;
import io.delineo.radiomics.processing.Preprocessor;
import io.delineo.radiomics.settings.Dimensions;
import io.delineo.radiomics.settings.RadiomicsSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Timing of the feature engine on real CTs (not run in CI; see bench/radiomics/README.md). ROIs: a sphere of about
 * 100,000 voxels on the demo CT (1.07 x 1.07 x 3 mm), and the STS_001 tumour mask of the IBSI validation data set,
 * 117,145 voxels at 0.98 x 0.98 x 3.27 mm. Single thread.
 */
class RadiomicsBenchmark {
    static final String BASE = "{\"dimensions\":\"%s\",\"resegmentation\":{\"range\":[-1000,400]},"
            + "\"discretisation\":{\"method\":\"FBS\",\"value\":25}%s}";
    static final String LOG = ",\"filters\":[{\"type\":\"LoG\",\"sigmaMm\":2},{\"type\":\"LoG\",\"sigmaMm\":3},"
            + "{\"type\":\"LoG\",\"sigmaMm\":4},{\"type\":\"LoG\",\"sigmaMm\":5},{\"type\":\"LoG\",\"sigmaMm\":6}]";

    static Path data() {
        for (Path p : new Path[]{Path.of("../../shared/data/ibsi-validation-sts001-ct"),
                Path.of("../shared/data/ibsi-validation-sts001-ct"), Path.of("/work/shared/data/ibsi-validation-sts001-ct")}) {
            if (Files.isDirectory(p)) return p.resolve("ibsi_validation/nifti/STS_001");
        }
        return Path.of("../shared/data/ibsi-validation-sts001-ct/ibsi_validation/nifti/STS_001");
    }

    @Test
    void fullFeatureSetOnTheDemoCt() throws Exception {
        Volume ct = DemoCase.demoCt();
        // 100,000 voxels of 1.074 x 1.074 x 3 mm: a sphere of 346 mL through pancreas, bowel, vessels and fat
        BitMask sphere = DemoCase.sphere(ct.grid(), 256, 256, 40, 100_000 * ct.grid().voxelVolumeMm3() / 1000);
        boolean[] roi = new boolean[sphere.size()];
        for (int i = 0; i < roi.length; i++) roi[i] = sphere.get(i);
        System.out.printf("demo CT: ROI %d voxels on %s%n", sphere.cardinality(), ct.grid());
        run(ct, roi);
    }

    @Test
    void fullFeatureSetOnTheSts001Ct() throws Exception {
        Path dir = data();
        Assumptions.assumeTrue(Files.exists(dir.resolve("CT_image.nii.gz")),
                "SKIPPED: shared STS_001 CT not found at " + dir.toAbsolutePath());
        Volume ct = NiftiReader.read(dir.resolve("CT_image.nii.gz")).volume();
        Volume mask = NiftiReader.read(dir.resolve("CT_mask.nii.gz")).volume();
        boolean[] roi = new boolean[mask.data().length];
        int n = 0;
        for (int i = 0; i < roi.length; i++) if (roi[i] = mask.data()[i] > 0.5) n++;
        System.out.printf("STS_001: ROI %d voxels on %s%n", n, ct.grid());
        run(ct, roi);
    }

    private void run(Volume ct, boolean[] roi) throws Exception {
        RadiomicsExtractor all = new RadiomicsExtractor();
        for (String dims : new String[]{"3D", "2D"}) {
            RadiomicsSettings s = RadiomicsSettings.parse(String.format(BASE, dims, ""));
            int[] cols = new int[1];
            double ms = median(() -> cols[0] = all.extract(ct, roi, s).values().size(), 3, 7);
            System.out.printf("full feature set, %s aggregation: %d features, median %.0f ms%n", dims, cols[0], ms);
            for (FeatureFamily f : FeatureFamily.values()) {
                RadiomicsExtractor one = new RadiomicsExtractor(EnumSet.of(f));
                System.out.printf("   %-28s %7.0f ms%n", f, median(() -> one.extract(ct, roi, s).values().size(), 1, 3));
            }
            RadiomicsSettings withLog = RadiomicsSettings.parse(String.format(BASE, dims, LOG));
            double msLog = median(() -> cols[0] = all.extract(ct, roi, withLog).values().size(), 1, 3);
            System.out.printf("full set + 5 LoG filters (2-6 mm), %s: %d features, median %.0f ms%n", dims, cols[0], msLog);
        }
        glcmVersusScikitImage(ct, roi);
    }

    private void glcmVersusScikitImage(Volume ct, boolean[] roi) throws Exception {
        RadiomicsSettings s = RadiomicsSettings.parse(String.format(BASE, "2D", ""));
        PreparedRoi p = Preprocessor.prepare(ct, RoiMask.of(ct.grid(), roi), s, 0);
        DiscretisedImage d = Discretiser.discretise(p.image, p.intensityMask, s.discretisation().orElseThrow(), -1000);
        TextureVolume tv = new TextureVolume(p, d.levels(), d.levelCount());
        Set<FeatureFamily> glcm = EnumSet.of(FeatureFamily.GLCM);
        double[] contrast = new double[1];
        double java2d = median(() -> {
            contrast[0] = TextureFeatures.compute(tv, Dimensions.D2, glcm).get("ACUI_2_5D_vmrg");
            return 0;
        }, 20, 20);
        double java3d = median(() -> TextureFeatures.compute(tv, Dimensions.D3, glcm).size(), 20, 20);
        Path raw = Files.createTempFile("glcm-levels", ".raw");
        ByteBuffer b = ByteBuffer.allocate(4 * (4 + p.size())).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(p.nx).putInt(p.ny).putInt(p.nz).putInt(d.levelCount());
        for (int i = 0; i < p.size(); i++) b.putInt(p.intensityMask[i] ? d.levels()[i] : 0);
        Files.write(raw, b.array());
        Path script = Path.of("../bench/radiomics/glcm_skimage.py");
        Assumptions.assumeTrue(Files.exists(script) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "SKIPPED scikit-image comparison: no " + script.toAbsolutePath() + " or /usr/bin/python3");
        Process proc = new ProcessBuilder("/usr/bin/python3", script.toString(), raw.toString(), "5")
                .redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        proc.waitFor();
        Files.deleteIfExists(raw);
        System.out.printf("GLCM on the same discretised ROI (%d grey levels, %d slices):%n", d.levelCount(), p.nz);
        System.out.printf("   engine 2D (4 directions/slice, 4 aggregations, 25 features): median %.1f ms%n", java2d);
        System.out.printf("   engine 3D (13 directions, 2 aggregations, 25 features):      median %.1f ms%n", java3d);
        System.out.printf("   engine contrast 2.5D merged: %.10f%n", contrast[0]);
        System.out.print("   scikit-image graycomatrix+graycoprops (6 props/slice): " + out.replace("\n", "\n   "));
        System.out.println();
    }

    /** Median wall time (ms); the minimum of the same runs is printed as well (the machine is shared). */
    private static double median(Supplier<Integer> work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) work.get();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("      [runs: min %.0f ms, median %.0f ms, max %.0f ms]%n", t[0], t[runs / 2], t[runs - 1]);
        return t[runs / 2];
    }
}

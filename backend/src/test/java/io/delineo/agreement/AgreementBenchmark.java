package io.delineo.agreement;

import io.delineo.agreement.consensus.MajorityVote;
import io.delineo.agreement.consensus.Staple;
import io.delineo.agreement.metrics.AgreementMatrix;
import io.delineo.agreement.metrics.MetaImageWriter;
import io.delineo.agreement.metrics.OverlapMetrics;
import io.delineo.agreement.metrics.PairwiseAgreement;
import io.delineo.agreement.metrics.Plastimatch;
import io.delineo.contour.raster.Lesion;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.contour.raster.Shapes;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * On-demand benchmark (never in CI: surefire excludes *Benchmark*). Five readers' masks of one lesion on a
 * 512×512×200 CT grid (0.75×0.75×1.5 mm): times one Dice pair, the full 10-pair matrix with HD/HD95/MSD, STAPLE and
 * majority vote, and {@code plastimatch dice} on the same pair in the same run. Run from the repository root:
 * <pre>mvn -B -q -o -Dskip.frontend -pl backend test -Dtest=AgreementBenchmark</pre>
 * Results are printed; see bench/agreement/README.md for measured numbers.
 */
class AgreementBenchmark {
    private static final ImageGrid GRID = ImageGrid.axial(512, 512, 200, 0.75, 0.75, 1.5);

    /** Reader r's contours: a shared lesion shape with a reader-specific shift, scale and boundary wobble. */
    static Lesion reader(int r, Random random) {
        double shift = 1.5; // mm
        double ci = 256 + random.nextGaussian() * shift / GRID.sx(), cj = 240 + random.nextGaussian() * shift / GRID.sy();
        double ck = 100 + random.nextGaussian() * shift / GRID.sz();
        double scale = 0.85 + 0.3 * random.nextDouble();
        double p1 = random.nextDouble() * 6, p2 = random.nextDouble() * 6;
        // base lesion 28 x 22 x 24 mm semi-axes (~62 mL) with lobulation shared by all readers
        return Shapes.ellipsoid(GRID, ci, cj, ck, 28 * scale, 22 * scale, 24 * scale, 160, (t, k) ->
                (1 + 0.12 * Math.sin(3 * t + 0.05 * k)) * (1 + 0.04 * Math.sin(7 * t + p1 + 0.2 * k) + 0.03 * Math.cos(11 * t + p2)));
    }

    private record Timing(String what, double medianMs, double minMs) {}

    private static <T> Timing time(String what, int warmup, int runs, Supplier<T> task) {
        for (int n = 0; n < warmup; n++) task.get();
        double[] ms = new double[runs];
        for (int n = 0; n < runs; n++) {
            long t0 = System.nanoTime();
            task.get();
            ms[n] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(what, ms[runs / 2], ms[0]);
    }

    @Test
    void run() throws Exception {
        Random random = new Random(2026);
        List<Lesion> lesions = new ArrayList<>();
        for (int r = 0; r < 5; r++) lesions.add(reader(r, random));
        PolygonRasterizer raster = new PolygonRasterizer(GRID);
        List<BitMask> masks = new ArrayList<>();
        for (Lesion l : lesions) masks.add(raster.rasterize(l));
        System.out.printf("grid %s; reader volumes (mL):", GRID);
        for (BitMask m : masks) System.out.printf(" %.1f", m.volumeMl());
        System.out.println();

        BitMask a = masks.get(0), b = masks.get(1);
        List<Timing> t = new ArrayList<>();
        t.add(time("rasterise one reader (" + lesions.get(0).polygons().size() + " polygons)", 5, 15, () -> raster.rasterize(lesions.get(0))));
        t.add(time("Dice, one pair (full-grid word scan)", 20, 51, () -> OverlapMetrics.of(a, b)));
        t.add(time("one pair: Dice + HD/HD95/MSD + slice profile", 5, 15, () -> PairwiseAgreement.of(a, b)));
        t.add(time("10-pair matrix with HD/HD95/MSD + slice profiles", 3, 11, () -> AgreementMatrix.compute(masks)));
        t.add(time("majority vote (5 readers)", 5, 15, () -> MajorityVote.of(masks)));
        t.add(time("STAPLE (5 readers)", 3, 11, () -> Staple.run(masks)));

        // plastimatch on the same pair, same run
        Path dir = Files.createTempDirectory("agreement-bench");
        Path fa = dir.resolve("a.mha"), fb = dir.resolve("b.mha");
        MetaImageWriter.write(a, fa);
        MetaImageWriter.write(b, fb);
        double[] plm = new double[5];
        Map<String, Double> out = null;
        for (int n = 0; n < plm.length; n++) {
            long t0 = System.nanoTime();
            out = Plastimatch.dice(fa, fb); // note: the wrapper always passes --all
            plm[n] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(plm);
        double[] plmDiceOnly = timePlastimatchDiceOnly(fa, fb);
        assertThat(out.get("DICE")).isCloseTo(OverlapMetrics.of(a, b).dice(), within(1e-6));

        System.out.printf("%-55s %10s %10s%n", "operation", "median ms", "min ms");
        for (Timing x : t) System.out.printf("%-55s %10.2f %10.2f%n", x.what(), x.medianMs(), x.minMs());
        System.out.printf("%-55s %10.1f %10.1f%n", "plastimatch dice (Dice only, process incl. reading 2 MHA)",
                plmDiceOnly[plmDiceOnly.length / 2], plmDiceOnly[0]);
        System.out.printf("%-55s %10.1f %10.1f%n", "plastimatch dice --all (Dice + Hausdorff family)", plm[2], plm[0]);
        double ours = t.get(1).medianMs();
        System.out.printf("Dice speed-up vs plastimatch dice: %.0fx; our 10-pair matrix with HD95: %.0f ms%n",
                plmDiceOnly[plmDiceOnly.length / 2] / ours, t.get(3).medianMs());
        AgreementMatrix m = AgreementMatrix.compute(masks);
        System.out.printf("mean pairwise Dice %.4f, GCI %.4f, pair 1-2 HD %.2f HD95 %.2f MSD %.2f mm%n", m.meanPairwiseDice(),
                m.generalizedConformityIndex(), m.pair(0, 1).hausdorffMm(), m.pair(0, 1).hd95Mm(), m.pair(0, 1).meanSurfaceDistanceMm());
        Files.delete(fa);
        Files.delete(fb);
        Files.delete(dir);
    }

    /** Sorted wall times (ms) of {@code plastimatch dice a b} (its default: Dice only). */
    private static double[] timePlastimatchDiceOnly(Path fa, Path fb) throws Exception {
        double[] ms = new double[5];
        for (int n = 0; n < ms.length; n++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(Plastimatch.executable().toString(), "dice", fa.toString(), fb.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) throw new AssertionError("plastimatch dice failed");
            ms[n] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }
}

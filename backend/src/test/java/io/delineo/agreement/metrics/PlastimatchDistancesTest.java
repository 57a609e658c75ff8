package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.contour.raster.Shapes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The plastimatch-compatible figures against a brute-force reading of their definitions. */
class PlastimatchDistancesTest {
    @Test
    void matchesTheDefinitionsComputedByBruteForce() {
        for (ImageGrid g : new ImageGrid[]{ImageGrid.axial(36, 32, 12, 0.7, 0.9, 2.5), Shapes.obliqueGrid(36, 32, 12, 0.8, 0.6, 1.7)}) {
            BitMask a = SurfaceDistancesTest.blob(g, 5, 17.3, 15.8, 5.6, 7, 6, 8);
            BitMask b = SurfaceDistancesTest.blob(g, 6, 18.1, 16.6, 6.2, 6, 7.5, 6);
            PlastimatchDistances pd = PlastimatchDistances.compute(a, b);
            double[][] ab = directed(a, b), ba = directed(b, a);
            assertThat(pd.hausdorff()).isCloseTo(Math.max(max(ab[0]), max(ba[0])), within(1e-9));
            assertThat(pd.avgAverageHausdorff()).isCloseTo((mean(ab[0]) + mean(ba[0])) / 2, within(1e-9));
            assertThat(pd.maxAverageHausdorff()).isCloseTo(Math.max(mean(ab[0]), mean(ba[0])), within(1e-9));
            assertThat(pd.percentHausdorff()).isCloseTo((rank(ab[0]) + rank(ba[0])) / 2, within(1e-9));
            assertThat(pd.boundaryHausdorff()).isCloseTo(Math.max(max(ab[1]), max(ba[1])), within(1e-9));
            assertThat(pd.avgAverageBoundaryHausdorff()).isCloseTo((mean(ab[1]) + mean(ba[1])) / 2, within(1e-9));
            assertThat(pd.maxAverageBoundaryHausdorff()).isCloseTo(Math.max(mean(ab[1]), mean(ba[1])), within(1e-9));
            assertThat(pd.percentBoundaryHausdorff()).isCloseTo((rank(ab[1]) + rank(ba[1])) / 2, within(1e-9));
        }
    }

    @Test
    void needsTwoNonEmptyMasks() {
        ImageGrid g = ImageGrid.axial(5, 5, 5, 1, 1, 1);
        BitMask one = new BitMask(g);
        one.set(2, 2, 2);
        assertThatThrownBy(() -> PlastimatchDistances.compute(one, new BitMask(g)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
    }

    /** [0]: set distances over all voxels of `from` (0 inside `to`); [1]: boundary-to-boundary distances. */
    private static double[][] directed(BitMask from, BitMask to) {
        ImageGrid g = from.grid();
        List<double[]> toSurface = SurfaceOracle.surfacePoints(to);
        List<Double> set = new ArrayList<>();
        for (int v = from.nextSetBit(0); v >= 0; v = from.nextSetBit(v + 1)) {
            int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / g.sliceSize();
            set.add(to.get(v) ? 0 : nearest(g.toPatient(i, j, k), toSurface));
        }
        double[] boundary = SurfaceOracle.directed(SurfaceOracle.surfacePoints(from), toSurface);
        return new double[][]{set.stream().mapToDouble(Double::doubleValue).sorted().toArray(), boundary};
    }

    private static double nearest(double[] p, List<double[]> points) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] q : points) best = Math.min(best, Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
        return Math.sqrt(best);
    }

    private static double max(double[] sorted) { return sorted[sorted.length - 1]; }

    private static double mean(double[] d) { return Arrays.stream(d).average().orElseThrow(); }

    /** Zero-based element floor(0.95·n − 1), evaluated in single precision as plastimatch does. */
    private static double rank(double[] sorted) {
        int r = (int) Math.floor(0.95f * sorted.length - 1f);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r))];
    }
}

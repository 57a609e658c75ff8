package io.delineo.agreement.metrics;

import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.contour.raster.Shapes;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SurfaceDistancesTest {
    private static final double EPS = 1e-9;

    static BitMask blob(ImageGrid g, long seed, double ci, double cj, double ck, double a, double b, double c) {
        Random random = new Random(seed);
        double phase = random.nextDouble() * 6, amp = 0.25 * random.nextDouble();
        return new PolygonRasterizer(g).rasterize(Shapes.ellipsoid(g, ci, cj, ck, a, b, c, 64,
                (t, k) -> 1 + amp * Math.sin(3 * t + phase + 0.7 * k)));
    }

    @Test
    void matchesTheBruteForceDefinitionOnAnisotropicAndObliqueGrids() {
        for (ImageGrid g : new ImageGrid[]{ImageGrid.axial(40, 36, 14, 0.7, 0.9, 2.5),
                Shapes.obliqueGrid(40, 36, 14, 0.8, 0.6, 1.7)}) {
            for (long seed = 1; seed <= 4; seed++) {
                BitMask a = blob(g, seed, 19.3, 17.8, 6.6, 8, 7, 9);
                BitMask b = blob(g, seed + 100, 21.1, 16.2, 7.2, 7, 8.5, 7);
                SurfaceDistances d = SurfaceDistances.compute(a, b);
                List<double[]> sa = SurfaceOracle.surfacePoints(a), sb = SurfaceOracle.surfacePoints(b);
                double[] ab = SurfaceOracle.directed(sa, sb), ba = SurfaceOracle.directed(sb, sa);
                assertThat(d.aToB().surfaceVoxels()).isEqualTo(sa.size());
                assertThat(d.bToA().surfaceVoxels()).isEqualTo(sb.size());
                assertThat(d.aToB().maxMm()).isCloseTo(ab[ab.length - 1], within(EPS));
                assertThat(d.bToA().maxMm()).isCloseTo(ba[ba.length - 1], within(EPS));
                // nearest rank ceil(0.95 n), in integer arithmetic
                double p95ab = ab[(95 * ab.length + 99) / 100 - 1], p95ba = ba[(95 * ba.length + 99) / 100 - 1];
                assertThat(d.aToB().p95Mm()).isCloseTo(p95ab, within(EPS));
                assertThat(d.hd95Mm()).isCloseTo(Math.max(p95ab, p95ba), within(EPS));
                assertThat(d.hausdorffMm()).isCloseTo(Math.max(ab[ab.length - 1], ba[ba.length - 1]), within(EPS));
                double msd = (Arrays.stream(ab).sum() + Arrays.stream(ba).sum()) / (ab.length + ba.length);
                assertThat(d.meanSurfaceDistanceMm()).isCloseTo(msd, within(EPS));
                assertThat(d.aToB().meanMm()).isCloseTo(Arrays.stream(ab).average().orElseThrow(), within(EPS));
            }
        }
    }

    @Test
    void identicalMasksAreAtDistanceZero() {
        ImageGrid g = ImageGrid.axial(30, 30, 10, 0.7, 0.7, 2);
        BitMask a = blob(g, 3, 15, 15, 5, 6, 6, 6);
        SurfaceDistances d = SurfaceDistances.compute(a, a.copy());
        assertThat(d.hausdorffMm()).isZero();
        assertThat(d.hd95Mm()).isZero();
        assertThat(d.meanSurfaceDistanceMm()).isZero();
        assertThat(d.emptyCase()).isEqualTo(EmptyCase.NONE);
    }

    @Test
    void boxesShiftedAlongOneAxisAreThatShiftApart() {
        // two 6x6x4 boxes, B shifted by 3 voxels along i: every face voxel of A has a face voxel of B 3*sx away or
        // closer, and A's far face (i = 10) is exactly 3*sx from B's (i = 13)
        ImageGrid g = ImageGrid.axial(30, 20, 12, 0.8, 0.6, 2.0);
        BitMask a = new BitMask(g), b = new BitMask(g);
        for (int k = 4; k < 8; k++) for (int j = 5; j < 11; j++) for (int i = 10; i < 16; i++) {
            a.set(i, j, k);
            b.set(i + 3, j, k);
        }
        SurfaceDistances d = SurfaceDistances.compute(a, b);
        assertThat(d.hausdorffMm()).isCloseTo(3 * 0.8, within(EPS));
        assertThat(d.swapped().aToB()).isEqualTo(d.bToA());
    }

    @Test
    void concentricBallsAreTheirRadiusDifferenceApart() {
        ImageGrid g = ImageGrid.axial(80, 80, 40, 0.5, 0.5, 1.0);
        BitMask small = new PolygonRasterizer(g).rasterize(Shapes.ellipsoid(g, 40.2, 39.7, 19.6, 10, 10, 10, 400, null));
        BitMask large = new PolygonRasterizer(g).rasterize(Shapes.ellipsoid(g, 40.2, 39.7, 19.6, 14, 14, 14, 400, null));
        SurfaceDistances d = SurfaceDistances.compute(small, large);
        double diagonal = Math.sqrt(0.5 * 0.5 + 0.5 * 0.5 + 1.0);
        assertThat(d.hausdorffMm()).isCloseTo(4.0, within(diagonal));
        assertThat(d.meanSurfaceDistanceMm()).isCloseTo(4.0, within(diagonal));
    }

    @Test
    void emptyMasksGiveNaNWithTheReason() {
        ImageGrid g = ImageGrid.axial(10, 10, 4, 1, 1, 1);
        BitMask a = new BitMask(g), b = new BitMask(g);
        b.set(5, 5, 2);
        SurfaceDistances firstEmpty = SurfaceDistances.compute(a, b);
        assertThat(firstEmpty.emptyCase()).isEqualTo(EmptyCase.FIRST_EMPTY);
        assertThat(firstEmpty.hausdorffMm()).isNaN();
        assertThat(firstEmpty.hd95Mm()).isNaN();
        assertThat(firstEmpty.meanSurfaceDistanceMm()).isNaN();
        assertThat(SurfaceDistances.compute(b, a).emptyCase()).isEqualTo(EmptyCase.SECOND_EMPTY);
        assertThat(SurfaceDistances.compute(a, a).emptyCase()).isEqualTo(EmptyCase.BOTH_EMPTY);
        // a single voxel is its own surface
        assertThat(SurfaceDistances.compute(b, b).hausdorffMm()).isZero();
        assertThatThrownBy(() -> SurfaceDistances.compute(a, new BitMask(ImageGrid.axial(10, 10, 5, 1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different grids");
    }

    @Test
    void masksOnTheGridBorderCountTheBorderAsSurface() {
        ImageGrid g = ImageGrid.axial(6, 5, 3, 1, 1, 1);
        BitMask full = new BitMask(g);
        full.setRange(0, g.size());
        BitMask a = full.copy();
        a.clear(g.index(2, 2, 1)); // the only interior voxel removed
        SurfaceDistances d = SurfaceDistances.compute(full, a);
        // every voxel of the full grid is on the grid border except the 4x3x1 core: 90 - 12 = 78 surface voxels;
        // `a` adds the hole's 4 in-plane face neighbours (its other two neighbours are border voxels already)
        assertThat(d.aToB().surfaceVoxels()).isEqualTo(78);
        assertThat(d.bToA().surfaceVoxels()).isEqualTo(82);
        assertThat(d.aToB().maxMm()).isZero(); // ∂full ⊂ ∂a
        assertThat(d.bToA().maxMm()).isEqualTo(1.0); // the hole's rim voxels are 1 mm from the grid border
    }
}

package io.delineo.contour.raster;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MaskContourTracerTest {

    static BitMask roundTrip(BitMask mask) {
        List<PlanarPolygon> polygons = MaskContourTracer.trace(mask).stream()
                .map(MaskContourTracer.SliceContour::polygon).toList();
        return new PolygonRasterizer(mask.grid()).rasterize(polygons);
    }

    @Test
    void randomMasksWithHolesAndDiagonalTouchesSurviveTheRoundTrip() {
        ImageGrid[] grids = {
                ImageGrid.axial(17, 13, 4, 0.7, 0.9, 2.5),
                new ImageGrid(11, 15, 3, new double[]{-40, 12, 7}, new double[]{0.8, 0.6, 0},
                        new double[]{0, 0, -1}, new double[]{0.6, -0.8, 0}, 1.1, 0.5, 3)};
        Random r = new Random(42);
        for (ImageGrid g : grids) {
            for (int trial = 0; trial < 40; trial++) {
                BitMask m = new BitMask(g);
                double density = 0.2 + 0.6 * r.nextDouble();
                for (int v = 0; v < g.size(); v++) if (r.nextDouble() < density) m.set(v);
                assertThat(roundTrip(m)).as("trial " + trial + " on " + g).isEqualTo(m);
            }
        }
    }

    @Test
    void aSquareRingBecomesAnOuterLoopAndAHoleWithCornersOnly() {
        ImageGrid g = ImageGrid.axial(8, 8, 1, 1, 1, 1);
        BitMask ring = new BitMask(g);
        for (int j = 1; j <= 5; j++) for (int i = 1; i <= 5; i++) if (i == 1 || i == 5 || j == 1 || j == 5) ring.set(g.index(i, j, 0));
        List<MaskContourTracer.SliceContour> loops = MaskContourTracer.trace(ring);
        assertThat(loops).hasSize(2);
        assertThat(loops).allMatch(l -> l.polygon().pointCount() == 4);
        assertThat(roundTrip(ring)).isEqualTo(ring);
    }

    @Test
    void anEmptyMaskHasNoContours() {
        assertThat(MaskContourTracer.trace(new BitMask(ImageGrid.axial(4, 4, 2, 1, 1, 1)))).isEmpty();
    }
}

package io.delineo.contour.lidc;

import io.delineo.contour.raster.Lesion;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.contour.raster.Shapes;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LidcContourConverterTest {
    @Test
    void stackOfCase1FormsTheExpectedGrid() {
        SliceStack stack = LidcFixtures.stack(LidcFixtures.CASE_1);
        ImageGrid g = stack.grid();
        assertThat(g.nx()).isEqualTo(512);
        assertThat(g.ny()).isEqualTo(512);
        assertThat(g.nz()).isEqualTo(16);
        assertThat(g.sx()).isEqualTo(0.703125);
        assertThat(g.sz()).isCloseTo(2.5, within(1e-9));
        assertThat(g.origin()).containsExactly(-166.0, -171.699997, -132.5);
        assertThat(g.sliceDir()).containsExactly(0.0, 0.0, 1.0);
        assertThat(stack.indexOf("1.3.6.1.4.1.14519.5.2.1.6279.6001.110383487652933113465768208719")).isEqualTo(3); // z=-125
        assertThat(stack.indexOf("1.2.3")).isEqualTo(-1);
    }

    @Test
    void pixelPositionsBecomePatientMillimetres() {
        SliceGeometry s = LidcFixtures.stack(LidcFixtures.CASE_1).slices().get(3);
        double[] p = s.pixelToPatient(312, 355); // first edge point of reader 1's nodule
        assertThat(p[0]).isCloseTo(-166.0 + 312 * 0.703125, within(1e-9));
        assertThat(p[1]).isCloseTo(-171.699997 + 355 * 0.703125, within(1e-9));
        assertThat(p[2]).isCloseTo(-125.0, within(1e-9));
        // oblique geometry: columns run along the row cosine, rows along the column cosine
        SliceGeometry o = new SliceGeometry("1.2", new double[]{10, 20, 30}, new double[]{0, 1, 0, 0, 0, -1}, 0.5, 0.8, 4, 4);
        assertThat(o.pixelToPatient(2, 3)).containsExactly(10, 20 + 2 * 0.8, 30 - 3 * 0.5);
    }

    @Test
    void everyReadersNoduleFillsLikeTheIndependentOracle() {
        for (String c : new String[]{LidcFixtures.CASE_1, LidcFixtures.CASE_3}) {
            SliceStack stack = LidcFixtures.stack(c);
            LidcContourConverter converter = new LidcContourConverter(stack);
            PolygonRasterizer raster = new PolygonRasterizer(stack.grid());
            for (LidcReadingSession s : LidcFixtures.message(c).sessions()) {
                for (LidcNodule n : s.nodules()) {
                    if (!n.isContoured() || !converter.covers(n)) continue;
                    Lesion lesion = converter.toLesion(n);
                    assertThat(raster.rasterize(lesion)).as("%s nodule %s", c, n.noduleId())
                            .isEqualTo(Shapes.bruteForce(stack.grid(), lesion.polygons()));
                }
            }
        }
    }

    @Test
    void anExclusionRoiInsideAnInclusionRoiIsAHole() {
        SliceStack stack = LidcFixtures.stack(LidcFixtures.CASE_1);
        String sop = stack.slices().get(5).sopInstanceUid();
        LidcRoi outer = new LidcRoi(sop, 0, true, new double[]{100, 120, 120, 100}, new double[]{200, 200, 220, 220});
        LidcRoi hole = new LidcRoi(sop, 0, false, new double[]{105, 110, 110, 105}, new double[]{205, 205, 210, 210});
        LidcNodule nodule = new LidcNodule("n", Map.of(), List.of(outer, hole));
        BitMask m = new PolygonRasterizer(stack.grid()).rasterize(new LidcContourConverter(stack).toLesion(nodule));
        assertThat(m.cardinality()).isEqualTo(20 * 20 - 5 * 5);
        assertThat(m.get(107, 207, 5)).isFalse();
        assertThat(m.get(100, 200, 5)).isTrue();
    }

    @Test
    void refusesWhatIsNotALesionOrNotInTheSeries() {
        SliceStack stack = LidcFixtures.stack(LidcFixtures.CASE_1);
        LidcContourConverter converter = new LidcContourConverter(stack);
        LidcNodule point = LidcFixtures.message(LidcFixtures.CASE_1).sessions().get(0).nodules().get(1);
        assertThatThrownBy(() -> converter.toLesion(point)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("< 3 mm");
        LidcNodule elsewhere = new LidcNodule("x", Map.of(), List.of(
                new LidcRoi("9.9.9", 0, true, new double[]{1, 5, 5}, new double[]{1, 1, 5})));
        assertThat(converter.covers(elsewhere)).isFalse();
        assertThatThrownBy(() -> converter.toLesion(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not part of the loaded series");
        List<SliceGeometry> slices = LidcFixtures.slices(LidcFixtures.CASE_1);
        SliceGeometry s0 = slices.get(0);
        double[] shifted = s0.imagePositionPatient();
        shifted[2] += 0.7;
        slices.set(0, new SliceGeometry(s0.sopInstanceUid(), shifted, s0.imageOrientationPatient(), s0.rowSpacingMm(),
                s0.columnSpacingMm(), s0.rows(), s0.columns()));
        assertThatThrownBy(() -> SliceStack.of(slices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not uniform");
    }
}

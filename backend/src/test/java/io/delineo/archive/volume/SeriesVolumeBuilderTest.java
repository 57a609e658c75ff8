package io.delineo.archive.volume;

import io.delineo.imaging.ImageGrid;
import io.delineo.testing.DemoCase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SeriesVolumeBuilderTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    /** A slice whose pixel values encode its own z, so the sort can be checked through the data. */
    static SliceInput slice(String uid, double[] ipp, double[] iop, float marker) {
        return new SliceInput(uid, "1.2.3", ipp, iop, new double[]{0.8, 0.6}, 2.0, 3, 4, () -> {
            float[] p = new float[12];
            java.util.Arrays.fill(p, marker);
            return p;
        });
    }

    static List<SliceInput> axialStack(int n, double spacing) {
        List<SliceInput> s = new ArrayList<>();
        for (int k = 0; k < n; k++) s.add(slice("1.2." + k, new double[]{-10, -20, 100 + k * spacing}, AXIAL, k));
        return s;
    }

    @Test
    void sortsAlongTheNormalWhateverTheInputOrder() {
        List<SliceInput> slices = axialStack(6, 2.5);
        Collections.shuffle(slices, new Random(3));
        SeriesVolume v = SeriesVolumeBuilder.build(slices);
        ImageGrid g = v.volume().grid();
        assertThat(g.nx()).isEqualTo(4);
        assertThat(g.ny()).isEqualTo(3);
        assertThat(g.nz()).isEqualTo(6);
        assertThat(g.sx()).isEqualTo(0.6);
        assertThat(g.sy()).isEqualTo(0.8);
        assertThat(g.sz()).isCloseTo(2.5, within(1e-9));
        assertThat(g.origin()).containsExactly(-10, -20, 100);
        for (int k = 0; k < 6; k++) {
            assertThat(v.volume().get(0, 0, k)).isEqualTo(k);
            assertThat(v.sopInstanceUidBySlice().get(k)).isEqualTo("1.2." + k);
        }
        // voxel (i=3, j=2, k=5) is 3 columns (0.6 mm) and 2 rows (0.8 mm) from the origin, 5 slices up
        assertThat(g.toPatient(3, 2, 5)).containsExactly(new double[]{-10 + 1.8, -20 + 1.6, 112.5},
                within(1e-9));
    }

    @Test
    void obliqueOrientationsKeepTheirGeometry() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        double[] iop = {c, s, 0, 0, 0, -1}; // rows along a rotated x/y, columns going down in z: a coronal-ish plane
        double[] normal = SeriesVolumeBuilder.cross(new double[]{c, s, 0}, new double[]{0, 0, -1});
        List<SliceInput> slices = new ArrayList<>();
        for (int k = 4; k >= 0; k--) {
            slices.add(slice("1.3." + k, new double[]{normal[0] * 3 * k, normal[1] * 3 * k, 0}, iop, k));
        }
        SeriesVolume v = SeriesVolumeBuilder.build(slices);
        assertThat(v.volume().grid().sz()).isCloseTo(3, within(1e-9));
        assertThat(v.sopInstanceUidBySlice()).containsExactly("1.3.0", "1.3.1", "1.3.2", "1.3.3", "1.3.4");
    }

    @Test
    void missingSlicesAreNamed() {
        List<SliceInput> slices = axialStack(6, 2.0);
        slices.remove(3);
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(slices))
                .isInstanceOf(VolumeGeometryException.class)
                .hasMessageContaining("missing slices").hasMessageContaining("1.2.2").hasMessageContaining("1.2.4")
                .hasMessageContaining("1 slice(s) missing");
    }

    @Test
    void nonUniformSpacingIsRefused() {
        List<SliceInput> slices = axialStack(5, 2.0);
        slices.add(slice("1.2.9", new double[]{-10, -20, 100 + 4 * 2.0 + 2.7}, AXIAL, 9));
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(slices)).hasMessageContaining("non-uniform slice spacing");
    }

    @Test
    void gantryTiltIsRefused() {
        List<SliceInput> slices = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            slices.add(slice("1.4." + k, new double[]{0, k * 2.5 * Math.tan(Math.toRadians(15)), k * 2.5}, AXIAL, k));
        }
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(slices))
                .hasMessageContaining("gantry tilt").hasMessageContaining("15");
    }

    @Test
    void mixedOrientationsDuplicatesAndMissingGeometryAreRefused() {
        List<SliceInput> mixed = axialStack(3, 2.0);
        mixed.add(slice("1.5.9", new double[]{0, 0, 200}, new double[]{1, 0, 0, 0, 0, -1}, 0));
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(mixed)).hasMessageContaining("mixed orientations");

        List<SliceInput> dup = axialStack(3, 2.0);
        dup.add(slice("1.5.8", new double[]{-10, -20, 102}, AXIAL, 0));
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(dup)).hasMessageContaining("same position");

        List<SliceInput> noIpp = axialStack(2, 2.0);
        noIpp.add(new SliceInput("1.5.7", null, null, AXIAL, new double[]{1, 1}, null, 3, 4, () -> new float[12]));
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(noIpp))
                .hasMessageContaining("1.5.7 lacks Image Position (Patient)");
        assertThatThrownBy(() -> SeriesVolumeBuilder.build(List.of())).hasMessageContaining("no images");
    }

    @Test
    void theDemoCtBuildsIntoA79SliceVolumeInHounsfieldUnits() throws IOException {
        List<SliceInput> slices = DemoCase.demoCtSlices();
        SeriesVolume v = SeriesVolumeBuilder.build(slices);
        ImageGrid g = v.volume().grid();
        assertThat(new int[]{g.nx(), g.ny(), g.nz()}).containsExactly(512, 512, 79);
        assertThat(g.sz()).isCloseTo(3.0, within(1e-3));
        assertThat(g.sx()).isCloseTo(1.074, within(1e-3));
        // z runs 250.91 .. 484.91 mm (README of the data set)
        assertThat(g.toPatient(0, 0, 0)[2]).isCloseTo(250.91, within(0.01));
        assertThat(g.toPatient(0, 0, 78)[2]).isCloseTo(484.91, within(0.01));
        // oracle: pydicom 2.3.1 (pixel_array * RescaleSlope + RescaleIntercept, slices sorted by z), computed once
        assertThat(v.volume().get(256, 256, 40)).isEqualTo(96f);
        assertThat(v.volume().get(100, 300, 10)).isEqualTo(15f);
        assertThat(v.volume().get(400, 200, 70)).isEqualTo(-97f);
        assertThat(v.volume().get(300, 350, 0)).isEqualTo(-9f);
        assertThat(v.volume().get(200, 250, 78)).isEqualTo(-798f);
        double sum = 0;
        for (float f : v.volume().data()) sum += f;
        assertThat(sum).isEqualTo(-14424703530.0);
    }
}

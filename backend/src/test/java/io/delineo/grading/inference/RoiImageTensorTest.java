package io.delineo.grading.inference;

import io.delineo.grading.model.CropCentring;
import io.delineo.grading.model.ImageNormalisation;
import io.delineo.grading.model.RoiImageInputSpec;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RoiImageTensorTest {
    static final double C = 30 * Math.PI / 180;
    /** An oblique grid: rows rotated 30° in the axial plane, anisotropic voxels, origin off zero. */
    static final ImageGrid OBLIQUE = new ImageGrid(40, 36, 16, new double[]{-12.5, 7.25, 100},
            new double[]{Math.cos(C), Math.sin(C), 0}, new double[]{-Math.sin(C), Math.cos(C), 0}, new double[]{0, 0, 1},
            0.8, 0.9, 2.5);

    /** Trilinear interpolation reproduces any function linear in patient coordinates: the oracle. */
    static double linear(double[] p) { return 3 + 0.5 * p[0] - 0.25 * p[1] + 0.75 * p[2]; }

    static Volume linearVolume(ImageGrid g) {
        float[] v = new float[g.size()];
        for (int k = 0; k < g.nz(); k++) for (int j = 0; j < g.ny(); j++) for (int i = 0; i < g.nx(); i++) {
            v[g.index(i, j, k)] = (float) linear(g.toPatient(i, j, k));
        }
        return new Volume(g, v);
    }

    static RoiImageInputSpec spec(int[] crop, double spacing, CropCentring centring, boolean mask) {
        return new RoiImageInputSpec("image", List.of("CT_PORTAL_VENOUS"), crop, spacing, centring, -1e4, 1e4, -1000,
                new ImageNormalisation(ImageNormalisation.Method.Z_SCORE, 0, 1), mask);
    }

    @Test
    void resamplesLinearIntensitiesExactlyOnAnObliqueGrid() {
        BitMask roi = new BitMask(OBLIQUE);
        for (int k = 6; k <= 9; k++) for (int j = 15; j <= 20; j++) for (int i = 17; i <= 24; i++) roi.set(i, j, k);
        RoiImageInputSpec s = spec(new int[]{4, 6, 8}, 1.7, CropCentring.ROI_BBOX_CENTRE, true);
        InputTensor t = RoiImageTensor.build(s, Map.of("CT_PORTAL_VENOUS", linearVolume(OBLIQUE)), roi);
        assertThat(t.shape()).containsExactly(1, 2, 4, 6, 8);
        double[] centre = OBLIQUE.toPatient(20.5, 17.5, 7.5);
        int n = 0;
        for (int z = 0; z < 4; z++) for (int y = 0; y < 6; y++) for (int x = 0; x < 8; x++) {
            double[] p = {centre[0] + (x - 3.5) * 1.7, centre[1] + (y - 2.5) * 1.7, centre[2] + (z - 1.5) * 1.7};
            assertThat((double) t.data()[n++]).isCloseTo(linear(p), within(2e-4));
        }
        // mask channel: the crop centre is deep inside the ROI box, a corner 6 mm out of it is outside
        int block = 4 * 6 * 8;
        assertThat(t.data()[block + (2 * 6 + 3) * 8 + 4]).isEqualTo(1f);
        assertThat(t.data()[block]).isEqualTo(0f);
        assertThat(t.sha256()).isEqualTo(io.delineo.grading.model.Sha256.ofFloats(t.data()));
    }

    @Test
    void centringRulesAndOutsideValues() {
        ImageGrid g = ImageGrid.axial(20, 20, 10, 1, 1, 2);
        BitMask roi = new BitMask(g);
        roi.set(2, 2, 2);
        roi.set(3, 2, 2);
        roi.set(10, 2, 2); // bbox centre x = 6, centroid x = 5
        Volume ramp = linearVolume(g);
        RoiImageInputSpec one = spec(new int[]{1, 1, 1}, 1, CropCentring.ROI_BBOX_CENTRE, false);
        assertThat((double) RoiImageTensor.build(one, Map.of("CT_PORTAL_VENOUS", ramp), roi).data()[0])
                .isCloseTo(linear(new double[]{6, 2, 4}), within(1e-4));
        RoiImageInputSpec centroid = spec(new int[]{1, 1, 1}, 1, CropCentring.ROI_CENTROID, false);
        assertThat((double) RoiImageTensor.build(centroid, Map.of("CT_PORTAL_VENOUS", ramp), roi).data()[0])
                .isCloseTo(linear(new double[]{5, 2, 4}), within(1e-4));
        // a crop larger than the volume: points more than half a voxel outside take outsideHu (then window/normalise)
        RoiImageInputSpec wide = new RoiImageInputSpec("image", List.of("CT_PORTAL_VENOUS"), new int[]{1, 1, 40}, 1.0,
                CropCentring.ROI_BBOX_CENTRE, -100, 300, -1000, ImageNormalisation.windowToUnit(), false);
        InputTensor t = RoiImageTensor.build(wide, Map.of("CT_PORTAL_VENOUS", ramp), roi);
        assertThat(t.data()[0]).isEqualTo(0f);   // x = -13.5 mm: outside → -1000 HU → clipped to -100 → 0
        assertThat(t.data()[39]).isEqualTo(0f);  // x = 25.5 mm: outside
        assertThat(t.data()[20]).isCloseTo((float) ((linear(new double[]{6.5, 2, 4}) + 100) / 400), within(1e-6f));
        assertThat(t.warnings()).singleElement().asString().contains("along z"); // a 1 mm thick crop of a 2 mm thick ROI
    }

    @Test
    void refusesMissingPhasesAndEmptyRois() {
        ImageGrid g = ImageGrid.axial(10, 10, 4, 1, 1, 1);
        RoiImageInputSpec s = spec(new int[]{2, 2, 2}, 1, CropCentring.ROI_BBOX_CENTRE, false);
        assertThatThrownBy(() -> RoiImageTensor.build(s, Map.of("CT_ARTERIAL", linearVolume(g)), new BitMask(g)))
                .isInstanceOf(InferenceException.class).hasMessageContaining("missing [CT_PORTAL_VENOUS]");
        assertThatThrownBy(() -> RoiImageTensor.build(s, Map.of("CT_PORTAL_VENOUS", linearVolume(g)), new BitMask(g)))
                .hasMessageContaining("ROI mask is empty");
        BitMask big = new BitMask(g);
        big.set(0, 0, 0);
        big.set(9, 9, 3);
        assertThat(RoiImageTensor.build(s, Map.of("CT_PORTAL_VENOUS", linearVolume(g)), big).warnings())
                .anyMatch(w -> w.contains("the model sees part of the lesion"));
    }
}

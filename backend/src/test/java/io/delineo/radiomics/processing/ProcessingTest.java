package io.delineo.radiomics.processing;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.RoiMask;
import io.delineo.radiomics.settings.Discretisation;
import io.delineo.radiomics.settings.DiscretisationMethod;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.radiomics.settings.Resegmentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Processing steps on small arrays whose results can be checked by hand. */
class ProcessingTest {

    @Test
    void gridCentreAlignmentFollowsTheIbsiExample() {
        // IBSI: 4 voxels of 3 mm resampled to 2 mm -> ceil(12/2) = 6 points, centred: origin 0.5*(3 - 5*2/3)
        AxisMapping m = AxisMapping.alignCentres(4, 3.0, 2.0);
        assertThat(m.n()).isEqualTo(6);
        assertThat(m.step()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(m.origin()).isCloseTo(-1.0 / 6.0, within(1e-12));
        // the two grids share their centre
        assertThat(m.toOriginal(0) + m.toOriginal(5)).isCloseTo(0 + 3, within(1e-12));
        // CT phantom in-plane: 204 x 0.977 mm -> 100 voxels of 2 mm (IBSI diagnostics)
        assertThat(AxisMapping.alignCentres(204, 0.977, 2).n()).isEqualTo(100);
        assertThat(AxisMapping.alignCentres(201, 0.977, 2).n()).isEqualTo(99);
        assertThat(AxisMapping.alignCentres(60, 3.0, 2).n()).isEqualTo(90);
    }

    @Test
    void linearAndCubicInterpolationReproduceLinearRampsAndSamples() {
        int nx = 12, ny = 10, nz = 8;
        float[] ramp = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
            ramp[x + nx * (y + ny * z)] = 3 * x - 2 * y + 5 * z + 7;
        }
        SampledImage lin = new SampledImage(ramp, nx, ny, nz, io.delineo.radiomics.settings.Interpolation.LINEAR,
                new int[]{0, 0, 0, nx - 1, ny - 1, nz - 1}, false);
        assertThat(lin.sample(2.25, 3.5, 4.75)).isCloseTo(3 * 2.25 - 2 * 3.5 + 5 * 4.75 + 7, within(1e-9));
        // nearest-boundary padding outside the grid
        assertThat(lin.sample(-3, 0, 0)).isCloseTo(7, within(1e-9));
        // a cubic B-spline interpolant reproduces linear functions (away from the mirrored borders, whose kink
        // decays by a factor 0.27 per voxel)
        int n = 40;
        float[] big = new float[n * n * n];
        for (int z = 0; z < n; z++) for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
            big[x + n * (y + n * z)] = 3 * x - 2 * y + 5 * z + 7;
        }
        SampledImage cubic = new SampledImage(big, n, n, n, io.delineo.radiomics.settings.Interpolation.TRICUBIC,
                new int[]{0, 0, 0, n - 1, n - 1, n - 1}, false);
        assertThat(cubic.sample(20.3, 19.6, 21.2)).isCloseTo(3 * 20.3 - 2 * 19.6 + 5 * 21.2 + 7, within(1e-6));
        float[] noise = new float[nx * ny * nz];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < noise.length; i++) noise[i] = (float) r.nextGaussian();
        SampledImage cn = new SampledImage(noise, nx, ny, nz, io.delineo.radiomics.settings.Interpolation.TRICUBIC,
                new int[]{0, 0, 0, nx - 1, ny - 1, nz - 1}, false);
        // ... and passes through the samples, also at the borders
        for (int i : new int[]{0, 17, 400, nx * ny * nz - 1}) {
            int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
            assertThat(cn.sample(x, y, z)).isCloseTo(noise[i], within(1e-5));
        }
    }

    @Test
    void resamplingAverages2x2BlocksAndThresholdsTheRoi() {
        // 4x4x1 image of 1 mm with values x + 10 y; resampled to 2 mm in-plane (2D): centres at 0.5 and 2.5
        ImageGrid g = ImageGrid.axial(4, 4, 1, 1, 1, 1);
        float[] v = new float[16];
        boolean[] roi = new boolean[16];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) {
            v[x + 4 * y] = x + 10 * y;
            roi[x + 4 * y] = x < 2 && y < 2;
        }
        RadiomicsSettings s = RadiomicsSettings.parse("{\"dimensions\":\"2D\",\"resampling\":{\"spacingMm\":[2,2],"
                + "\"interpolation\":\"linear\",\"roundIntensities\":false,\"roiInterpolation\":\"linear\","
                + "\"roiPartialVolume\":0.5}}");
        PreparedRoi p = Preprocessor.prepare(new Volume(g, v), RoiMask.of(g, roi), s, 0);
        assertThat(p.fullDims).containsExactly(2, 2, 1);
        assertThat(p.sx).isEqualTo(2);
        assertThat(p.image[0]).isCloseTo(0.5f + 5f, within(1e-6f)); // mean of 0, 1, 10, 11
        assertThat(p.image[1]).isCloseTo(2.5f + 5f, within(1e-6f));
        assertThat(p.morphMask).containsExactly(true, false, false, false);
    }

    @Test
    void roundingAndResegmentation() {
        float[] img = {-1200, -50, 0, 10, 20, 30, 500, 1000};
        boolean[] all = new boolean[8];
        java.util.Arrays.fill(all, true);
        boolean[] range = Preprocessor.resegment(img, all, new Resegmentation(true, -1000, 400, 0));
        assertThat(range).containsExactly(false, true, true, true, true, true, false, false);
        // outliers: mean and SD of the range-kept voxels (-50, 0, 10, 20, 30: mean 2, SD sqrt(776) = 27.86)
        // -> mean +/- 1 SD = [-25.86, 29.86] keeps 0, 10, 20
        boolean[] outlier = Preprocessor.resegment(img, all, new Resegmentation(true, -1000, 400, 1));
        assertThat(outlier).containsExactly(false, false, true, true, true, false, false, false);
    }

    @Test
    void fixedBinSizeAndNumberDiscretisation() {
        float[] img = {-500, -476, -475, -1, 0, 399.9f, 400};
        boolean[] m = new boolean[img.length];
        java.util.Arrays.fill(m, true);
        DiscretisedImage fbs = Discretiser.discretise(img, m, new Discretisation(DiscretisationMethod.FBS, 25), -500);
        assertThat(fbs.levels()).containsExactly(1, 1, 2, 20, 21, 36, 37);
        DiscretisedImage fbn = Discretiser.discretise(img, m, new Discretisation(DiscretisationMethod.FBN, 9), Double.NaN);
        // width 100: floor((x + 500) / 100) + 1, the maximum in the top bin
        assertThat(fbn.levels()).containsExactly(1, 1, 1, 5, 6, 9, 9);
        assertThatThrownBy(() -> Discretiser.discretise(new float[]{1.5f}, new boolean[]{true}, null, Double.NaN))
                .hasMessageContaining("whole numbers");
    }

    @Test
    void rejectsMismatchedOrEmptyMasks() {
        ImageGrid g = ImageGrid.axial(3, 3, 3, 1, 1, 1);
        Volume v = new Volume(g, new float[27]);
        assertThatThrownBy(() -> Preprocessor.prepare(v, RoiMask.of(g, new boolean[27]), RadiomicsSettings.defaults(), 0))
                .hasMessageContaining("empty");
        ImageGrid other = ImageGrid.axial(3, 3, 3, 2, 1, 1);
        boolean[] one = new boolean[27];
        one[13] = true;
        assertThatThrownBy(() -> Preprocessor.prepare(v, RoiMask.of(other, one), RadiomicsSettings.defaults(), 0))
                .hasMessageContaining("not on the image grid");
    }
}

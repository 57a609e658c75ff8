package io.delineo.radiomics.processing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LaplacianOfGaussianTest {

    @Test
    void kernelsAreNormalisedAndTruncatedAtFourSigma() {
        double[][] k = LaplacianOfGaussian.kernels(2.5);
        assertThat(k[0]).hasSize(2 * 10 + 1); // radius floor(4 * 2.5 + 0.5) = 10
        double g = 0, g2 = 0, m2 = 0;
        for (int i = 0; i < k[0].length; i++) {
            int x = i - 10;
            g += k[0][i];
            g2 += k[1][i];
            m2 += k[1][i] * x * x / 2.0; // the second derivative kernel applied to x^2/2 gives ~1
        }
        assertThat(g).isCloseTo(1, within(1e-12));
        assertThat(g2).isCloseTo(0, within(1e-3));
        // truncation at 4 sigma loses a little of the second moment
        assertThat(m2).isCloseTo(1, within(1e-2));
        assertThat(LaplacianOfGaussian.radius(2, 0.8)).isEqualTo(10);
    }

    @Test
    void gaussianBlobResponseMatchesTheAnalyticLaplacian() {
        // I = exp(-r^2 / (2 s^2)); (G_sigma * I) is a Gaussian of variance s^2 + sigma^2 scaled by (s^2/(s^2+sigma^2))^(3/2).
        // Its Laplacian at the centre is -3 A / t, with t = s^2 + sigma^2 (mm^2).
        int n = 61;
        double spacing = 0.5, s = 3, sigma = 2;
        float[] img = new float[n * n * n];
        int c = n / 2;
        for (int z = 0; z < n; z++) for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
            double r2 = spacing * spacing * ((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c));
            img[x + n * (y + n * z)] = (float) Math.exp(-r2 / (2 * s * s));
        }
        float[] out = LaplacianOfGaussian.apply(img, n, n, n, spacing, spacing, spacing, sigma);
        double t = s * s + sigma * sigma, amp = Math.pow(s * s / t, 1.5);
        double expected = sigma * sigma * (-3 * amp / t);
        assertThat(out[c + n * (c + n * c)]).isCloseTo((float) expected, within((float) (1e-3 * Math.abs(expected))));
    }

    @Test
    void matchesScipyGaussianLaplaceOnAnAnisotropicVolume() throws Exception {
        Path p = Path.of(getClass().getResource("/radiomics/fixtures/log_fixture.txt").toURI());
        List<String> lines = Files.readAllLines(p);
        String[] h = lines.get(0).split(" ");
        int nx = Integer.parseInt(h[0]), ny = Integer.parseInt(h[1]), nz = Integer.parseInt(h[2]);
        double sx = Double.parseDouble(h[3]), sy = Double.parseDouble(h[4]), sz = Double.parseDouble(h[5]);
        double sigma = Double.parseDouble(h[6]);
        String[] in = lines.get(1).split(" "), expected = lines.get(2).split(" ");
        float[] img = new float[in.length];
        for (int i = 0; i < img.length; i++) img[i] = Float.parseFloat(in[i]);
        float[] out = LaplacianOfGaussian.apply(img, nx, ny, nz, sx, sy, sz, sigma);
        double maxAbs = 0;
        for (String e : expected) maxAbs = Math.max(maxAbs, Math.abs(Double.parseDouble(e)));
        for (int i = 0; i < out.length; i++) {
            assertThat((double) out[i]).as("voxel %d", i).isCloseTo(Double.parseDouble(expected[i]), within(1e-5 * maxAbs));
        }
    }

    @Test
    void restrictingTheOutputRegionDoesNotChangeTheResponseThere() {
        int nx = 30, ny = 26, nz = 12;
        float[] img = new float[nx * ny * nz];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < img.length; i++) img[i] = (float) (100 * r.nextGaussian());
        float[] full = LaplacianOfGaussian.apply(img, nx, ny, nz, 0.9, 0.9, 3, 3);
        int[] region = {8, 5, 3, 20, 19, 8};
        float[] part = LaplacianOfGaussian.apply(img, nx, ny, nz, 0.9, 0.9, 3, 3, region);
        for (int z = region[2]; z <= region[5]; z++) for (int y = region[1]; y <= region[4]; y++) {
            for (int x = region[0]; x <= region[3]; x++) {
                int i = x + nx * (y + ny * z);
                assertThat(part[i]).isEqualTo(full[i]);
            }
        }
    }
}

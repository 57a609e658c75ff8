package io.delineo.agreement.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The separable EDT against the O(n²) definition: min over feature voxels of the squared mm distance. */
class SquaredEdtTest {
    @Test
    void matchesBruteForceWithAnisotropicSpacing() {
        Random random = new Random(7);
        int[][] sizes = {{9, 7, 5}, {1, 13, 4}, {17, 1, 1}, {6, 6, 6}, {11, 3, 8}};
        double[][] spacings = {{0.7, 0.9, 2.5}, {1, 1, 1}, {3.1, 0.45, 1.2}};
        for (int[] n : sizes) {
            for (double[] s : spacings) {
                for (double density : new double[]{0.002, 0.03, 0.3}) {
                    int size = n[0] * n[1] * n[2];
                    double[] f = new double[size];
                    Arrays.fill(f, Double.POSITIVE_INFINITY);
                    int features = 0;
                    for (int v = 0; v < size; v++) if (random.nextDouble() < density) { f[v] = 0; features++; }
                    double[] expected = bruteForce(f, n, s);
                    SquaredEdt.transform(f, n[0], n[1], n[2], s[0], s[1], s[2]);
                    for (int v = 0; v < size; v++) {
                        if (features == 0) assertThat(f[v]).isEqualTo(Double.POSITIVE_INFINITY);
                        else assertThat(f[v]).isCloseTo(expected[v], within(1e-9 * (1 + expected[v])));
                    }
                }
            }
        }
    }

    @Test
    void aSingleFeatureGivesTheWeightedDistanceToIt() {
        double[] f = new double[5 * 4 * 3];
        Arrays.fill(f, Double.POSITIVE_INFINITY);
        f[2 + 5 * (1 + 4 * 1)] = 0;
        SquaredEdt.transform(f, 5, 4, 3, 0.5, 2.0, 3.0);
        // corner (0,0,0): di=2, dj=1, dk=1 -> (2*0.5)^2 + (1*2)^2 + (1*3)^2 = 1 + 4 + 9
        assertThat(f[0]).isEqualTo(14.0);
        assertThat(f[4 + 5 * (3 + 4 * 2)]).isEqualTo(1 + 16 + 9);
    }

    private static double[] bruteForce(double[] f, int[] n, double[] s) {
        double[] out = new double[f.length];
        for (int v = 0; v < f.length; v++) {
            int i = v % n[0], j = (v / n[0]) % n[1], k = v / (n[0] * n[1]);
            double best = Double.POSITIVE_INFINITY;
            for (int w = 0; w < f.length; w++) {
                if (f[w] != 0) continue;
                int a = w % n[0], b = (w / n[0]) % n[1], c = w / (n[0] * n[1]);
                double d = Math.pow((i - a) * s[0], 2) + Math.pow((j - b) * s[1], 2) + Math.pow((k - c) * s[2], 2);
                best = Math.min(best, d);
            }
            out[v] = best;
        }
        return out;
    }
}

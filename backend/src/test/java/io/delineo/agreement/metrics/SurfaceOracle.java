package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Brute-force surface distances straight from the definitions, in patient mm (test oracle, O(|∂A|·|∂B|)). */
final class SurfaceOracle {
    private SurfaceOracle() {}

    static List<double[]> surfacePoints(BitMask m) {
        ImageGrid g = m.grid();
        List<double[]> out = new ArrayList<>();
        int[][] faces = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int k = 0; k < g.nz(); k++) for (int j = 0; j < g.ny(); j++) for (int i = 0; i < g.nx(); i++) {
            if (!m.get(i, j, k)) continue;
            boolean surface = false;
            for (int[] f : faces) {
                int a = i + f[0], b = j + f[1], c = k + f[2];
                if (!g.contains(a, b, c) || !m.get(a, b, c)) surface = true;
            }
            if (surface) out.add(g.toPatient(i, j, k));
        }
        return out;
    }

    /** Sorted distances from each point of {@code from} to the nearest point of {@code to}. */
    static double[] directed(List<double[]> from, List<double[]> to) {
        double[] d = new double[from.size()];
        for (int n = 0; n < d.length; n++) {
            double best = Double.POSITIVE_INFINITY;
            double[] p = from.get(n);
            for (double[] q : to) {
                double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
            d[n] = Math.sqrt(best);
        }
        Arrays.sort(d);
        return d;
    }
}

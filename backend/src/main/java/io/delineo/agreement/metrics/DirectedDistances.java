package io.delineo.agreement.metrics;

import java.util.Arrays;

/**
 * Distances (mm) from each surface voxel of one mask to the nearest surface voxel of the other, summarised.
 * {@code p95} is the nearest-rank 95th percentile: the smallest distance d such that at least 95 % of the
 * distances are ≤ d (element {@code ceil(0.95·n)−1} of the sorted distances).
 */
public record DirectedDistances(int surfaceVoxels, double maxMm, double p95Mm, double meanMm, double sumMm) {

    static final DirectedDistances UNDEFINED = new DirectedDistances(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static DirectedDistances of(double[] distances) {
        int n = distances.length;
        if (n == 0) return UNDEFINED;
        double[] sorted = distances.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double d : sorted) sum += d;
        return new DirectedDistances(n, sorted[n - 1], nearestRank(sorted, 0.95), sum / n, sum);
    }

    /** Element {@code ceil(q·n)−1} of ascending {@code sorted} (nearest-rank percentile), q in (0, 1]. */
    static double nearestRank(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}

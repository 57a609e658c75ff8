package io.delineo.radiomics.features.intensity;

/** Sample percentiles with linear interpolation between order statistics (position (n-1)p; numpy's default). */
public final class Percentiles {
    private Percentiles() { }

    public static double of(double[] sorted, double percent) {
        if (sorted.length == 0) return Double.NaN;
        double pos = (sorted.length - 1) * percent / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double f = pos - lo;
        return sorted[lo] + f * (sorted[hi] - sorted[lo]);
    }
}

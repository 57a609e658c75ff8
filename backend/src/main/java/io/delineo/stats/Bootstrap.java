package io.delineo.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Stratified percentile bootstrap: each resample draws, with replacement, as many cases from each stratum (true class)
 * as it has, so every resample keeps the class balance and a ROC curve stays defined. Deterministic for a seed.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20240611L;

    private Bootstrap() { }

    /**
     * @param strata    stratum (true class) of each case
     * @param statistic computed on an array of case indices (a resample, or 0..n-1 for the estimate); may return NaN
     *                  for a resample where it is undefined, which is then skipped and counted
     */
    public static ConfidenceInterval stratified(int[] strata, ToDoubleFunction<int[]> statistic, int resamples, long seed,
                                                double level) {
        if (resamples < 100) throw new IllegalArgumentException("use at least 100 bootstrap resamples, got " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        int n = strata.length;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        double estimate = statistic.applyAsDouble(all);
        List<int[]> groups = groups(strata);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int kept = 0, skipped = 0;
        int[] sample = new int[n];
        for (int r = 0; r < resamples; r++) {
            int k = 0;
            for (int[] g : groups) for (int t = 0; t < g.length; t++) sample[k++] = g[rnd.nextInt(g.length)];
            double s = statistic.applyAsDouble(sample);
            if (Double.isNaN(s)) skipped++;
            else stats[kept++] = s;
        }
        if (kept == 0) throw new IllegalArgumentException("the statistic is undefined on every resample");
        double[] sorted = Arrays.copyOf(stats, kept);
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha), level, resamples,
                skipped, seed);
    }

    /** Linear-interpolated quantile of sorted values (type 7, as R and numpy default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static List<int[]> groups(int[] strata) {
        int max = -1;
        for (int s : strata) {
            if (s < 0) throw new IllegalArgumentException("strata must be class indices >= 0");
            max = Math.max(max, s);
        }
        int[] counts = new int[max + 1];
        for (int s : strata) counts[s]++;
        List<int[]> out = new ArrayList<>();
        int[][] members = new int[max + 1][];
        for (int c = 0; c <= max; c++) members[c] = new int[counts[c]];
        int[] fill = new int[max + 1];
        for (int i = 0; i < strata.length; i++) members[strata[i]][fill[strata[i]]++] = i;
        for (int[] m : members) if (m.length > 0) out.add(m);
        return out;
    }
}

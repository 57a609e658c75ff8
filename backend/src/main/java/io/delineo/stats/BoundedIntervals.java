package io.delineo.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals that stay inside the range of the quantity they describe: proportions, Dice/Jaccard-like
 * means in [0, 1], correlation- and ICC-like coefficients in (-1, 1). A plain "estimate ± 1.96 SE" interval can leave
 * that range on small samples (a Dice interval of 0.49–1.20); each method here transforms to an unbounded scale,
 * builds the interval there and maps it back.
 */
public final class BoundedIntervals {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private BoundedIntervals() { }

    /** Two-sided standard normal quantile z_{1-(1-level)/2}, e.g. 1.959964 for 0.95. */
    public static double z(double level) {
        checkLevel(level);
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * Wilson score interval for a binomial proportion (Wilson 1927; method 3 of Newcombe 1998, Stat Med 17:857):
     * centre (p + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · sqrt(p(1-p)/n + z²/4n²). Always inside [0, 1],
     * also for 0 or n successes.
     */
    public static Interval wilson(int successes, int n, double level) {
        if (n < 1) throw new IllegalArgumentException("a proportion needs at least one case, got n = " + n);
        if (successes < 0 || successes > n)
            throw new IllegalArgumentException("successes must be between 0 and n = " + n + ", got " + successes);
        double z = z(level);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at 0 or n successes the bound equals the data exactly; remove rounding that would cross it
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == n ? 1 : Math.min(1, centre + half);
        return new Interval(lower, upper, level, "Wilson score");
    }

    /**
     * Logit-transformed interval for an estimate in (0, 1) with standard error {@code se} (delta method: the SE of
     * logit(p) is se / (p(1-p))): expit(logit(p) ± z · se / (p(1-p))). Stays inside (0, 1).
     */
    public static Interval logit(double estimate, double se, double level) {
        return logitWithQuantile(estimate, se, z(level), level, "logit-transformed normal");
    }

    /**
     * Interval for the mean of values in [0, 1] (Dice, Jaccard): logit-transformed with the delta method and a
     * Student t quantile on n-1 degrees of freedom (small samples), SE = sd / sqrt(n) with the n-1 sample SD.
     * Needs n >= 2 and a mean strictly inside (0, 1) (at 0 or 1 the logit is infinite: use
     * {@link PercentileBootstrap} there).
     */
    public static Interval logitOfMean(double[] values, double level) {
        checkLevel(level);
        if (values.length < 2) throw new IllegalArgumentException("an interval for a mean needs at least 2 values, got " + values.length);
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("values must lie in [0, 1], got " + v);
        }
        double mean = mean(values);
        double se = Math.sqrt(sampleVariance(values, mean) / values.length);
        double t = new TDistribution(null, values.length - 1, 1e-14).inverseCumulativeProbability(1 - (1 - level) / 2);
        return logitWithQuantile(mean, se, t, level, "logit-transformed t");
    }

    private static Interval logitWithQuantile(double estimate, double se, double quantile, double level, String method) {
        checkLevel(level);
        if (!(estimate > 0 && estimate < 1))
            throw new IllegalArgumentException("a logit interval needs an estimate strictly inside (0, 1), got " + estimate
                    + "; use a bootstrap interval at the bound");
        if (!(se >= 0) || Double.isInfinite(se)) throw new IllegalArgumentException("standard error must be finite and >= 0, got " + se);
        double centre = Math.log(estimate / (1 - estimate));
        double half = quantile * se / (estimate * (1 - estimate));
        return new Interval(expit(centre - half), expit(centre + half), level, method);
    }

    /**
     * Fisher z interval for a Pearson correlation r from n pairs (Fisher 1921): tanh(atanh(r) ± z / sqrt(n - 3)).
     * Stays inside (-1, 1). Needs n >= 4.
     */
    public static Interval fisherZ(double r, int n, double level) {
        if (n < 4) throw new IllegalArgumentException("the Fisher z interval needs at least 4 pairs, got n = " + n);
        return fisherZInterval(r, 1 / Math.sqrt(n - 3.0), level, "Fisher z");
    }

    /**
     * Fisher z interval for a coefficient in (-1, 1) (ICC, kappa-like) with standard error {@code se} on its own
     * scale; by the delta method the SE of atanh(r) is se / (1 - r²).
     */
    public static Interval fisherZ(double estimate, double se, double level) {
        if (!(estimate > -1 && estimate < 1))
            throw new IllegalArgumentException("a Fisher z interval needs an estimate strictly inside (-1, 1), got " + estimate);
        if (!(se >= 0) || Double.isInfinite(se)) throw new IllegalArgumentException("standard error must be finite and >= 0, got " + se);
        return fisherZInterval(estimate, se / (1 - estimate * estimate), level, "Fisher z (delta method)");
    }

    private static Interval fisherZInterval(double r, double seZ, double level, String method) {
        if (!(r > -1 && r < 1)) throw new IllegalArgumentException("a Fisher z interval needs r strictly inside (-1, 1), got " + r);
        double centre = atanh(r);
        double half = z(level) * seZ;
        return new Interval(Math.tanh(centre - half), Math.tanh(centre + half), level, method);
    }

    /**
     * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): resample cases with replacement, recompute the
     * statistic, take the (1-level)/2 and 1-(1-level)/2 quantiles of the resampled statistics (linear interpolation,
     * type 7 as numpy/R). Because every bound is a value the statistic actually took, the interval stays inside the
     * statistic's range (Dice in [0, 1], AUC in [0, 1]). Deterministic for a seed.
     */
    public static final class PercentileBootstrap {
        public static final int MIN_RESAMPLES = 200;

        private PercentileBootstrap() { }

        /** Bootstrap over the values of one sample; {@code statistic} receives a resample of the values. */
        public static Interval of(double[] values, ToDoubleFunction<double[]> statistic, int resamples, long seed, double level) {
            if (values.length < 2) throw new IllegalArgumentException("a bootstrap needs at least 2 values, got " + values.length);
            double[] resample = new double[values.length];
            return ofIndices(values.length, indices -> {
                for (int i = 0; i < indices.length; i++) resample[i] = values[indices[i]];
                return statistic.applyAsDouble(resample);
            }, resamples, seed, level);
        }

        /**
         * Bootstrap over n cases of paired or multi-column data; {@code statistic} receives the case indices of a
         * resample (with repeats) and may return NaN where it is undefined on that resample (e.g. one class only); such
         * resamples are drawn again in their place, up to as many extra draws as resamples requested.
         */
        public static Interval ofIndices(int n, ToDoubleFunction<int[]> statistic, int resamples, long seed, double level) {
            checkLevel(level);
            if (n < 2) throw new IllegalArgumentException("a bootstrap needs at least 2 cases, got n = " + n);
            if (resamples < MIN_RESAMPLES)
                throw new IllegalArgumentException("use at least " + MIN_RESAMPLES + " bootstrap resamples, got " + resamples);
            double[] stats = resampledStatistics(n, statistic, resamples, seed);
            Arrays.sort(stats);
            double alpha = (1 - level) / 2;
            return new Interval(quantile(stats, alpha), quantile(stats, 1 - alpha), level, "percentile bootstrap");
        }

        static double[] resampledStatistics(int n, ToDoubleFunction<int[]> statistic, int resamples, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] stats = new double[resamples];
            int[] indices = new int[n];
            int kept = 0, draws = 0;
            while (kept < resamples) {
                if (draws++ >= 2 * resamples)
                    throw new IllegalArgumentException("the statistic is undefined on most resamples (" + (draws - 1 - kept)
                            + " of " + (draws - 1) + "); too few cases of some kind to bootstrap");
                for (int i = 0; i < n; i++) indices[i] = random.nextInt(n);
                double s = statistic.applyAsDouble(indices);
                if (!Double.isNaN(s)) stats[kept++] = s;
            }
            return stats;
        }

        /** Linear-interpolated quantile of sorted values (Hyndman & Fan type 7, numpy's default). */
        static double quantile(double[] sorted, double q) {
            double h = (sorted.length - 1) * q;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    static double sampleVariance(double[] values, double mean) {
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return ss / (values.length - 1);
    }

    static double expit(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
}

package io.delineo.radiomics.features.intensity;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

import java.util.function.ToDoubleFunction;

/**
 * IBSI intensity histogram features (section ZVCW) on discretised grey levels 1..Ng. The histogram is dense (empty
 * bins kept) so the gradient of bin i is {@code (n[i+1] - n[i-1]) / 2}, one-sided at the ends.
 */
public enum IntensityHistogram implements FeatureDefinition {
    MEAN("X6K6", "Mean", h -> h.s.mean),
    VARIANCE("CH89", "Variance", h -> h.s.var),
    SKEWNESS("88K1", "Skewness", h -> IntensityStatistics.SKEWNESS.compute(h.s)),
    KURTOSIS("C3I7", "(Excess) kurtosis", h -> IntensityStatistics.KURTOSIS.compute(h.s)),
    MEDIAN("WIFQ", "Median", h -> h.s.p(50)),
    MINIMUM("1PR8", "Minimum", h -> h.s.x[0]),
    P10("GPMT", "10th percentile", h -> h.s.p(10)),
    P90("OZ0C", "90th percentile", h -> h.s.p(90)),
    MAXIMUM("3NCY", "Maximum", h -> h.s.x[h.s.x.length - 1]),
    MODE("AMMC", "Mode", Hist::mode),
    IQR("WR0O", "Interquartile range", h -> h.s.p(75) - h.s.p(25)),
    RANGE("5Z3W", "Range", h -> h.s.x[h.s.x.length - 1] - h.s.x[0]),
    MEAN_ABSOLUTE_DEVIATION("D2ZX", "Mean absolute deviation", h -> h.s.meanAbsDev(h.s.mean)),
    ROBUST_MEAN_ABSOLUTE_DEVIATION("WRZB", "Robust mean absolute deviation", h -> h.s.robustMeanAbsDev()),
    MEDIAN_ABSOLUTE_DEVIATION("4RNL", "Median absolute deviation", h -> h.s.meanAbsDev(h.s.p(50))),
    COEFFICIENT_OF_VARIATION("CWYJ", "Coefficient of variation", h -> Math.sqrt(h.s.var) / h.s.mean),
    QUARTILE_COEFFICIENT_OF_DISPERSION("SLWD", "Quartile coefficient of dispersion",
            h -> (h.s.p(75) - h.s.p(25)) / (h.s.p(75) + h.s.p(25))),
    ENTROPY("TLU2", "Entropy", h -> {
        double e = 0;
        for (int i = 1; i <= h.ng; i++) if (h.n[i] > 0) {
            double p = h.n[i] / (double) h.nv;
            e -= p * Math.log(p) / Math.log(2);
        }
        return e;
    }),
    UNIFORMITY("BJ5W", "Uniformity", h -> {
        double u = 0;
        for (int i = 1; i <= h.ng; i++) {
            double p = h.n[i] / (double) h.nv;
            u += p * p;
        }
        return u;
    }),
    MAX_GRADIENT("12CE", "Maximum histogram gradient", h -> h.gradient[h.argMaxGradient()]),
    MAX_GRADIENT_INTENSITY("8E6O", "Maximum histogram gradient intensity", h -> h.argMaxGradient()),
    MIN_GRADIENT("VQB3", "Minimum histogram gradient", h -> h.gradient[h.argMinGradient()]),
    MIN_GRADIENT_INTENSITY("RHQZ", "Minimum histogram gradient intensity", h -> h.argMinGradient());

    private final String code;
    private final String name;
    private final ToDoubleFunction<Hist> formula;

    IntensityHistogram(String code, String name, ToDoubleFunction<Hist> formula) {
        this.code = code;
        this.name = name;
        this.formula = formula;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.INTENSITY_HISTOGRAM; }

    public double compute(Hist h) { return formula.applyAsDouble(h); }

    /** Histogram of grey levels 1..ng (index 0 unused). */
    public static final class Hist {
        final IntensityStatistics.Stats s;
        final long[] n;
        final int ng, nv;
        final double[] gradient;

        public Hist(int[] greyLevels, int ng) {
            double[] v = new double[greyLevels.length];
            n = new long[ng + 2];
            for (int i = 0; i < v.length; i++) {
                v[i] = greyLevels[i];
                n[greyLevels[i]]++;
            }
            this.ng = ng;
            this.nv = greyLevels.length;
            s = new IntensityStatistics.Stats(v);
            gradient = new double[ng + 1];
            for (int i = 1; i <= ng; i++) {
                if (ng == 1) gradient[i] = 0;
                else if (i == 1) gradient[i] = n[2] - n[1];
                else if (i == ng) gradient[i] = n[ng] - n[ng - 1];
                else gradient[i] = (n[i + 1] - n[i - 1]) / 2.0;
            }
        }

        int argMaxGradient() {
            int best = 1;
            for (int i = 2; i <= ng; i++) if (gradient[i] > gradient[best]) best = i;
            return best;
        }

        int argMinGradient() {
            int best = 1;
            for (int i = 2; i <= ng; i++) if (gradient[i] < gradient[best]) best = i;
            return best;
        }

        /** Most frequent level; ties go to the level closest to the mean, then the lower one. */
        double mode() {
            int best = -1;
            for (int i = 1; i <= ng; i++) {
                if (best < 0 || n[i] > n[best]
                        || (n[i] == n[best] && Math.abs(i - s.mean) < Math.abs(best - s.mean))) best = i;
            }
            return best;
        }
    }
}

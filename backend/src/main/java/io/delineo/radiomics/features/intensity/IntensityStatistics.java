package io.delineo.radiomics.features.intensity;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** IBSI intensity-based statistical features (section UHIW), on the intensity-mask voxel values. */
public enum IntensityStatistics implements FeatureDefinition {
    MEAN("Q4LE", "Mean", s -> s.mean),
    VARIANCE("ECT3", "Variance", s -> s.var),
    SKEWNESS("KE2A", "Skewness", s -> s.var == 0 ? 0 : s.m3 / Math.pow(s.var, 1.5)),
    KURTOSIS("IPH6", "(Excess) kurtosis", s -> s.var == 0 ? 0 : s.m4 / (s.var * s.var) - 3),
    MEDIAN("Y12H", "Median", s -> s.p(50)),
    MINIMUM("1GSF", "Minimum", s -> s.x[0]),
    P10("QG58", "10th percentile", s -> s.p(10)),
    P90("8DWT", "90th percentile", s -> s.p(90)),
    MAXIMUM("84IY", "Maximum", s -> s.x[s.x.length - 1]),
    IQR("SALO", "Interquartile range", s -> s.p(75) - s.p(25)),
    RANGE("2OJQ", "Range", s -> s.x[s.x.length - 1] - s.x[0]),
    MEAN_ABSOLUTE_DEVIATION("4FUA", "Mean absolute deviation", s -> s.meanAbsDev(s.mean)),
    ROBUST_MEAN_ABSOLUTE_DEVIATION("1128", "Robust mean absolute deviation", Stats::robustMeanAbsDev),
    MEDIAN_ABSOLUTE_DEVIATION("N72L", "Median absolute deviation", s -> s.meanAbsDev(s.p(50))),
    COEFFICIENT_OF_VARIATION("7TET", "Coefficient of variation", s -> Math.sqrt(s.var) / s.mean),
    QUARTILE_COEFFICIENT_OF_DISPERSION("9S40", "Quartile coefficient of dispersion",
            s -> (s.p(75) - s.p(25)) / (s.p(75) + s.p(25))),
    ENERGY("N8CA", "Energy", s -> s.sumSquares),
    ROOT_MEAN_SQUARE("5ZWQ", "Root mean square", s -> Math.sqrt(s.sumSquares / s.x.length));

    private final String code;
    private final String name;
    private final ToDoubleFunction<Stats> formula;

    IntensityStatistics(String code, String name, ToDoubleFunction<Stats> formula) {
        this.code = code;
        this.name = name;
        this.formula = formula;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.INTENSITY_STATISTICS; }

    public double compute(Stats s) { return formula.applyAsDouble(s); }

    /** Moments and order statistics of a sample, shared by this family and the intensity histogram. */
    public static final class Stats {
        final double[] x; // sorted
        final double mean, var, m3, m4, sumSquares;

        public Stats(double[] values) {
            if (values.length == 0) throw new IllegalArgumentException("no voxels in the intensity mask");
            x = values.clone();
            Arrays.sort(x);
            double s = 0, s2 = 0;
            for (double v : x) {
                s += v;
                s2 += v * v;
            }
            mean = s / x.length;
            double c2 = 0, c3 = 0, c4 = 0;
            for (double v : x) {
                double d = v - mean, d2 = d * d;
                c2 += d2;
                c3 += d2 * d;
                c4 += d2 * d2;
            }
            var = c2 / x.length;
            m3 = c3 / x.length;
            m4 = c4 / x.length;
            sumSquares = s2;
        }

        double p(double percent) { return Percentiles.of(x, percent); }

        double meanAbsDev(double centre) {
            double s = 0;
            for (double v : x) s += Math.abs(v - centre);
            return s / x.length;
        }

        double robustMeanAbsDev() {
            double lo = p(10), hi = p(90), s = 0;
            int n = 0;
            for (double v : x) if (v >= lo && v <= hi) { s += v; n++; }
            if (n == 0) return Double.NaN;
            double m = s / n, d = 0;
            for (double v : x) if (v >= lo && v <= hi) d += Math.abs(v - m);
            return d / n;
        }
    }
}

package io.delineo.stats;

/**
 * What a statistic reports for a sample: either a value with its interval, or the reason there is none because the
 * sample is too small. Screens show {@link TooFewCases#message()} in place of the number, so nothing computed from
 * two cases is ever presented as a finding.
 */
public sealed interface Estimate permits Estimate.Value, Estimate.TooFewCases {

    /** Number of cases (or pairs, subjects) the statistic is based on. */
    int n();

    /** A point estimate with its confidence interval. */
    record Value(double estimate, Interval interval, int n) implements Estimate {
        public Value {
            if (Double.isNaN(estimate)) throw new IllegalArgumentException("estimate must be a number");
            if (interval == null) throw new IllegalArgumentException("an estimate needs its interval");
            if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }

    /** No estimate: {@code n} cases where at least {@code minimum} are needed. */
    record TooFewCases(int n, int minimum, String what) implements Estimate {
        public TooFewCases {
            if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
            if (minimum <= n) throw new IllegalArgumentException("n = " + n + " meets the minimum " + minimum);
            if (what == null || what.isBlank()) throw new IllegalArgumentException("say what is being counted");
        }

        /** e.g. {@code too few cases (n = 2; needs ≥ 10)}. */
        public String message() {
            return "too few " + what + " (n = " + n + "; needs \u2265 " + minimum + ")";
        }
    }
}

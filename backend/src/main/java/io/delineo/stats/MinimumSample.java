package io.delineo.stats;

import java.util.function.Supplier;

/**
 * A minimum-sample rule: below {@code minimum} counted units ({@code what}, e.g. "cases", "pairs", "subjects") a
 * statistic is not reported at all, and nothing is called robust or significant. The estimate is only computed when
 * the rule is met, so a statistic that cannot be computed on tiny samples is never evaluated on them.
 */
public record MinimumSample(int minimum, String what) {
    public MinimumSample {
        if (minimum < 1) throw new IllegalArgumentException("a minimum sample size must be >= 1, got " + minimum);
        if (what == null || what.isBlank()) throw new IllegalArgumentException("say what is being counted, e.g. \"cases\"");
    }

    public static MinimumSample cases(int minimum) {
        return new MinimumSample(minimum, "cases");
    }

    public boolean isMetBy(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
        return n >= minimum;
    }

    /** The estimate from {@code compute} when {@code n} meets the rule, otherwise the too-few-cases reason. */
    public Estimate apply(int n, Supplier<Estimate.Value> compute) {
        if (!isMetBy(n)) return new Estimate.TooFewCases(n, minimum, what);
        Estimate.Value value = compute.get();
        if (value.n() != n) throw new IllegalStateException("the estimate counts n = " + value.n() + " but the rule was checked for n = " + n);
        return value;
    }
}

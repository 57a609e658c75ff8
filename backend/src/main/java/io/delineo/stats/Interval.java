package io.delineo.stats;

/**
 * A two-sided confidence interval at {@code level} (e.g. 0.95) and the name of the method that produced it, so a
 * screen can say how the interval was obtained.
 */
public record Interval(double lower, double upper, double level, String method) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) throw new IllegalArgumentException("interval bounds must be numbers");
        if (lower > upper) throw new IllegalArgumentException("interval lower bound " + lower + " exceeds upper bound " + upper);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        if (method == null || method.isBlank()) throw new IllegalArgumentException("name the interval method");
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    public double width() {
        return upper - lower;
    }
}

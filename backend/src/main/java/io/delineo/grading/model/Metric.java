package io.delineo.grading.model;

/**
 * One reported performance number. {@code ciLower}/{@code ciUpper} are the 95 % confidence interval or NaN when
 * none was computed; {@code method} says how the number was obtained (e.g. "pooled out-of-fold, stratified 5-fold CV").
 */
public record Metric(String name, double value, double ciLower, double ciUpper, String method) {
    public Metric {
        if (name == null || name.isBlank()) throw new ModelCardException("a metric needs a \"name\"");
        if (!Double.isFinite(value)) throw new ModelCardException("metric \"" + name + "\" needs a finite \"value\"");
        if (method == null || method.isBlank()) {
            throw new ModelCardException("metric \"" + name + "\" needs a \"method\" saying how it was obtained");
        }
        if (Double.isNaN(ciLower) != Double.isNaN(ciUpper)) {
            throw new ModelCardException("metric \"" + name + "\": give both CI bounds or neither");
        }
        if (!Double.isNaN(ciLower) && !(ciLower <= value && value <= ciUpper)) {
            throw new ModelCardException("metric \"" + name + "\": CI [" + ciLower + ", " + ciUpper
                    + "] does not contain the value " + value);
        }
    }

    public static Metric withoutCi(String name, double value, String method) {
        return new Metric(name, value, Double.NaN, Double.NaN, method);
    }

    public boolean hasCi() { return !Double.isNaN(ciLower); }
}

package io.delineo.stats;

/** An intraclass correlation with its two-sided confidence interval and the F test against ICC = 0. */
public record IccResult(String form, double value, double lower, double upper, double confidence, double f,
                        double df1, double df2) {
}

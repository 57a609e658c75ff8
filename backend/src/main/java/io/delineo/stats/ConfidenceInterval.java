package io.delineo.stats;

/** A point estimate with a percentile-bootstrap interval ({@code level}, e.g. 0.95) and how it was obtained. */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, int resamples,
                                 int skippedResamples, long seed) { }

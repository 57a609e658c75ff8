package io.delineo.grading.evaluation;

/** One ROC operating point: predicting positive when score &ge; {@code threshold}. */
public record RocPoint(double falsePositiveRate, double truePositiveRate, double threshold) { }

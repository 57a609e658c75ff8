package io.delineo.grading.training;

import java.util.List;

/**
 * One cross-validation fold: sizes, the fold's own AUC (positive class = the higher-grade label for the binary task,
 * micro-average one-vs-rest for three classes; NaN if the test fold lacks a class) and the features the L1 kept.
 */
public record FoldResult(int fold, int trainCases, int testCases, double auc, List<String> selectedFeatures) {
    public FoldResult {
        selectedFeatures = List.copyOf(selectedFeatures);
    }
}

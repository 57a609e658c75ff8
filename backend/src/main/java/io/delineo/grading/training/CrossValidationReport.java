package io.delineo.grading.training;

import io.delineo.grading.evaluation.ClassifierEvaluation;
import io.delineo.grading.model.GradingTask;
import io.delineo.stats.ConfidenceInterval;

import java.util.List;

/**
 * Stratified k-fold cross-validation: per-fold results and the pooled out-of-fold evaluation (every case predicted
 * once by the model that did not see it; standardisation fitted on the training folds only).
 * {@code outOfFold[i]} are the probabilities of case {@code caseIds[i]} in {@code labels} order.
 */
public record CrossValidationReport(GradingTask task, List<String> caseIds, List<String> labels, int[] foldOf,
                                    double[][] outOfFold, List<FoldResult> folds, ClassifierEvaluation pooled) {
    /** The headline AUC with CI: the higher-grade class for the binary task, the micro-average for three classes. */
    public ConfidenceInterval headlineAuc() {
        return task == GradingTask.G1_VS_G2G3 ? pooled.oneVsRestAuc().get(1) : pooled.microAuc();
    }

    public String headlineAucName() {
        return task == GradingTask.G1_VS_G2G3 ? "AUC (G2/G3 vs G1)" : "micro-average one-vs-rest AUC";
    }

    public double meanFoldAuc() { return folds.stream().mapToDouble(FoldResult::auc).filter(Double::isFinite).average().orElse(Double.NaN); }

    public double sdFoldAuc() {
        double[] a = folds.stream().mapToDouble(FoldResult::auc).filter(Double::isFinite).toArray();
        if (a.length < 2) return Double.NaN;
        double m = meanFoldAuc(), s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return Math.sqrt(s / (a.length - 1));
    }
}

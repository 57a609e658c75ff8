package io.delineo.grading.evaluation;

import io.delineo.stats.Bootstrap;
import io.delineo.stats.ConfidenceInterval;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything reported for a probabilistic classifier on one set of cases: one-vs-rest ROC per class and the
 * micro-average ROC (all case-class pairs pooled), each AUC with a stratified bootstrap CI, the confusion matrix
 * of the arg-max prediction, per-class reliability curves and the multi-class Brier score.
 */
public record ClassifierEvaluation(List<String> labels, List<RocCurve> oneVsRest, List<ConfidenceInterval> oneVsRestAuc,
                                   RocCurve microAverage, ConfidenceInterval microAuc, ConfusionMatrix confusion,
                                   List<Calibration> calibration, double multiclassBrier, int cases) {
    public ClassifierEvaluation {
        labels = List.copyOf(labels);
        oneVsRest = List.copyOf(oneVsRest);
        oneVsRestAuc = List.copyOf(oneVsRestAuc);
        calibration = List.copyOf(calibration);
    }

    public static ClassifierEvaluation evaluate(double[][] probs, int[] truth, List<String> labels, int resamples,
                                                long seed, int calibrationBins) {
        int k = labels.size();
        if (k < 2) throw new IllegalArgumentException("need at least two classes");
        if (probs.length != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("need one probability row per case and at least one case");
        }
        int[] present = new int[k];
        for (int i = 0; i < truth.length; i++) {
            if (probs[i].length != k) throw new IllegalArgumentException("case #" + i + " has " + probs[i].length + " probabilities for " + k + " labels");
            if (truth[i] < 0 || truth[i] >= k) throw new IllegalArgumentException("case #" + i + " has class index " + truth[i]);
            present[truth[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (present[c] == 0) throw new IllegalArgumentException("no case of class " + labels.get(c) + ": ROC undefined");
        }
        List<RocCurve> curves = new ArrayList<>();
        List<ConfidenceInterval> cis = new ArrayList<>();
        List<Calibration> cal = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cls = c;
            double[] s = column(probs, c);
            boolean[] pos = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) pos[i] = truth[i] == c;
            curves.add(RocCurve.of(s, pos));
            cis.add(Bootstrap.stratified(truth, idx -> oneVsRestAuc(probs, truth, cls, idx), resamples, seed, 0.95));
            cal.add(Calibration.of(s, pos, calibrationBins));
        }
        RocCurve micro = RocCurve.of(flatten(probs, truth, null)[0], positives(truth, k, null));
        ConfidenceInterval microCi = Bootstrap.stratified(truth, idx -> microAuc(probs, truth, k, idx), resamples, seed, 0.95);
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) predicted[i] = argmax(probs[i]);
        return new ClassifierEvaluation(labels, curves, cis, micro, microCi, ConfusionMatrix.of(labels, truth, predicted),
                cal, Calibration.multiclassBrier(probs, truth), truth.length);
    }

    /** Mean of the one-vs-rest AUCs. */
    public double macroAuc() { return oneVsRest.stream().mapToDouble(RocCurve::auc).average().orElseThrow(); }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    private static double oneVsRestAuc(double[][] probs, int[] truth, int c, int[] idx) {
        double[] s = new double[idx.length];
        boolean[] pos = new boolean[idx.length];
        for (int n = 0; n < idx.length; n++) {
            s[n] = probs[idx[n]][c];
            pos[n] = truth[idx[n]] == c;
        }
        return RocCurve.auc(s, pos);
    }

    private static double microAuc(double[][] probs, int[] truth, int k, int[] idx) {
        return RocCurve.auc(flatten(probs, truth, idx)[0], positives(truth, k, idx));
    }

    private static double[][] flatten(double[][] probs, int[] truth, int[] idx) {
        int n = idx == null ? truth.length : idx.length, k = probs[0].length;
        double[] s = new double[n * k];
        for (int m = 0; m < n; m++) {
            int i = idx == null ? m : idx[m];
            for (int c = 0; c < k; c++) s[m * k + c] = probs[i][c];
        }
        return new double[][]{s};
    }

    private static boolean[] positives(int[] truth, int k, int[] idx) {
        int n = idx == null ? truth.length : idx.length;
        boolean[] pos = new boolean[n * k];
        for (int m = 0; m < n; m++) {
            int i = idx == null ? m : idx[m];
            pos[m * k + truth[i]] = true;
        }
        return pos;
    }

    private static double[] column(double[][] probs, int c) {
        double[] s = new double[probs.length];
        for (int i = 0; i < probs.length; i++) s[i] = probs[i][c];
        return s;
    }
}

package io.delineo.stats;

/**
 * Multi-class ROC summaries for k >= 3 classes: one-vs-rest AUC per class, their unweighted mean (macro average) and
 * the AUC of all k binarised columns pooled into one (micro average: each case contributes k (label, score) pairs,
 * label 1 for its own class). With two classes these averages say nothing the one AUC does not, so they are refused.
 */
public record OneVsRestAuc(double[] perClass, double macro, double micro) {

    /**
     * @param labels true class 0..k-1 of each case
     * @param scores scores[i][c]: the model's probability (or score) for class c on case i
     */
    public static OneVsRestAuc of(int[] labels, double[][] scores) {
        int n = labels.length;
        if (scores.length != n) throw new IllegalArgumentException("one score row per case: " + scores.length + " rows for " + n + " cases");
        if (n == 0) throw new IllegalArgumentException("no cases");
        int k = scores[0].length;
        if (k < 3)
            throw new IllegalArgumentException("micro and macro averages are only meaningful for more than two classes (got " + k
                    + "); report the single AUC");
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            if (scores[i].length != k) throw new IllegalArgumentException("case " + (i + 1) + " has " + scores[i].length + " scores, expected " + k);
            if (labels[i] < 0 || labels[i] >= k) throw new IllegalArgumentException("class " + labels[i] + " of case " + (i + 1) + " is outside 0.." + (k - 1));
            counts[labels[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) throw new IllegalArgumentException("class " + c + " has no case; its one-vs-rest AUC is undefined");
        }
        double[] perClass = new double[k];
        boolean[] positive = new boolean[n];
        double[] column = new double[n];
        double macro = 0;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                positive[i] = labels[i] == c;
                column[i] = scores[i][c];
            }
            perClass[c] = DeLong.aucOnly(positive, column);
            macro += perClass[c] / k;
        }
        boolean[] pooledLabels = new boolean[n * k];
        double[] pooledScores = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                pooledLabels[i * k + c] = labels[i] == c;
                pooledScores[i * k + c] = scores[i][c];
            }
        }
        return new OneVsRestAuc(perClass, macro, DeLong.aucOnly(pooledLabels, pooledScores));
    }
}

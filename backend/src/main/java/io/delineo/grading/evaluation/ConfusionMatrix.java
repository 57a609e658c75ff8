package io.delineo.grading.evaluation;

import java.util.List;

/** Counts[true class][predicted class], classes in {@code labels} order. */
public record ConfusionMatrix(List<String> labels, int[][] counts) {
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
        counts = copy;
    }

    public static ConfusionMatrix of(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) throw new IllegalArgumentException("truth and prediction lengths differ");
        int k = labels.size();
        int[][] c = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("class index out of range at case #" + i);
            }
            c[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, c);
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
        return copy;
    }

    public int count(int truth, int predicted) { return counts[truth][predicted]; }

    public int total() {
        int t = 0;
        for (int[] r : counts) for (int v : r) t += v;
        return t;
    }

    public double accuracy() {
        int d = 0;
        for (int i = 0; i < counts.length; i++) d += counts[i][i];
        return (double) d / total();
    }

    /** Recall of class {@code c}: TP / (TP + FN); NaN when the class has no cases. */
    public double sensitivity(int c) {
        int row = 0;
        for (int v : counts[c]) row += v;
        return row == 0 ? Double.NaN : (double) counts[c][c] / row;
    }

    /** TN / (TN + FP) for class {@code c} against the rest. */
    public double specificity(int c) {
        int tn = 0, fp = 0;
        for (int t = 0; t < counts.length; t++) {
            if (t == c) continue;
            for (int p = 0; p < counts.length; p++) {
                if (p == c) fp += counts[t][p];
                else tn += counts[t][p];
            }
        }
        return tn + fp == 0 ? Double.NaN : (double) tn / (tn + fp);
    }
}

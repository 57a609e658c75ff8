package io.delineo.grading.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability diagram and Brier score of predicted probabilities against outcomes. Bins are equal-width on [0, 1];
 * bin {@code b} holds {@code b/B <= p < (b+1)/B} (the last bin includes 1). Empty bins are reported with count 0
 * and NaN means, so a plot can leave a gap.
 */
public record Calibration(List<Bin> bins, double brier, int cases) {
    public record Bin(double lower, double upper, int count, double meanPredicted, double observedFraction) { }

    public Calibration {
        bins = List.copyOf(bins);
    }

    public static Calibration of(double[] probability, boolean[] outcome, int binCount) {
        if (probability.length != outcome.length || probability.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as outcomes, and at least one");
        }
        if (binCount < 1) throw new IllegalArgumentException("need at least one bin");
        int[] n = new int[binCount];
        double[] sumP = new double[binCount];
        int[] events = new int[binCount];
        double brier = 0;
        for (int i = 0; i < probability.length; i++) {
            double p = probability[i];
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability #" + i + " is not in [0, 1]: " + p);
            int b = Math.min(binCount - 1, (int) Math.floor(p * binCount));
            n[b]++;
            sumP[b] += p;
            if (outcome[i]) events[b]++;
            double d = p - (outcome[i] ? 1 : 0);
            brier += d * d;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, n[b],
                    n[b] == 0 ? Double.NaN : sumP[b] / n[b], n[b] == 0 ? Double.NaN : (double) events[b] / n[b]));
        }
        return new Calibration(bins, brier / probability.length, probability.length);
    }

    /**
     * Multi-class Brier score (Brier 1950): mean over cases of the sum over classes of (p - y)^2, range 0..2.
     * For two classes it is twice the binary Brier score of either class.
     */
    public static double multiclassBrier(double[][] probabilities, int[] truth) {
        if (probabilities.length != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("need one probability row per case, and at least one case");
        }
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < probabilities[i].length; c++) {
                double d = probabilities[i][c] - (truth[i] == c ? 1 : 0);
                s += d * d;
            }
        }
        return s / truth.length;
    }
}

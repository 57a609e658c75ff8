package io.delineo.stats;

import java.util.Arrays;

/**
 * Minimum-redundancy maximum-relevance feature selection, mutual-information difference form (MID) of Peng, Long &amp;
 * Ding (2005, IEEE TPAMI 27:1226), on discretised features: the first feature maximises the relevance I(f; c); each
 * next one maximises I(f; c) - (1/|S|) Σ_{s ∈ S} I(f; s) over the features not yet selected S. Mutual information in
 * nats from the empirical joint distribution. Ties go to the lower feature index, so the order is deterministic.
 */
public final class Mrmr {
    private Mrmr() { }

    /** Selected feature indices in selection order, with each one's relevance and MID score when it was chosen. */
    public record Selection(int[] features, double[] relevance, double[] score) { }

    /**
     * @param features cases × features, discrete codes (see {@link #discretise})
     * @param classes  class code of each case
     * @param count    how many features to select (at most the number of features)
     */
    public static Selection select(int[][] features, int[] classes, int count) {
        int n = features.length;
        if (n < 2) throw new IllegalArgumentException("mRMR needs at least 2 cases, got " + n);
        if (classes.length != n) throw new IllegalArgumentException("one class per case: " + classes.length + " classes for " + n + " cases");
        int p = features[0].length;
        for (int[] row : features) if (row.length != p) throw new IllegalArgumentException("every case needs the same " + p + " features");
        if (count < 1 || count > p) throw new IllegalArgumentException("select between 1 and " + p + " features, got " + count);
        int[][] columns = new int[p][n];
        for (int i = 0; i < n; i++) for (int f = 0; f < p; f++) columns[f][i] = features[i][f];
        double[] relevance = new double[p];
        for (int f = 0; f < p; f++) relevance[f] = mutualInformation(columns[f], classes);
        double[] redundancySum = new double[p];
        boolean[] chosen = new boolean[p];
        int[] order = new int[count];
        double[] chosenRelevance = new double[count], chosenScore = new double[count];
        for (int step = 0; step < count; step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < p; f++) {
                if (chosen[f]) continue;
                double score = step == 0 ? relevance[f] : relevance[f] - redundancySum[f] / step;
                if (score > bestScore + 1e-12) {
                    bestScore = score;
                    best = f;
                }
            }
            chosen[best] = true;
            order[step] = best;
            chosenRelevance[step] = relevance[best];
            chosenScore[step] = bestScore;
            for (int f = 0; f < p; f++) if (!chosen[f]) redundancySum[f] += mutualInformation(columns[f], columns[best]);
        }
        return new Selection(order, chosenRelevance, chosenScore);
    }

    /** I(a; b) = Σ p(a,b) ln(p(a,b) / (p(a) p(b))) in nats, from the empirical joint distribution of two codings. */
    public static double mutualInformation(int[] a, int[] b) {
        int n = a.length;
        if (b.length != n) throw new IllegalArgumentException("both variables need the same cases: " + n + " vs " + b.length);
        if (n == 0) throw new IllegalArgumentException("mutual information needs cases");
        int[] ca = codes(a), cb = codes(b);
        int ka = Arrays.stream(ca).max().getAsInt() + 1, kb = Arrays.stream(cb).max().getAsInt() + 1;
        double[][] joint = new double[ka][kb];
        double[] pa = new double[ka], pb = new double[kb];
        for (int i = 0; i < n; i++) {
            joint[ca[i]][cb[i]]++;
            pa[ca[i]]++;
            pb[cb[i]]++;
        }
        double mi = 0;
        for (int x = 0; x < ka; x++) {
            for (int y = 0; y < kb; y++) {
                if (joint[x][y] == 0) continue;
                mi += joint[x][y] / n * Math.log(joint[x][y] * n / (pa[x] * pb[y]));
            }
        }
        return Math.max(0, mi);
    }

    /**
     * Peng et al.'s three-state discretisation of a continuous feature: 0 below mean - α·sd, 2 above mean + α·sd,
     * 1 between (sample SD; the paper uses α = 0.5 or 1).
     */
    public static int[] discretise(double[] values, double alpha) {
        if (values.length < 2) throw new IllegalArgumentException("discretising needs at least 2 values, got " + values.length);
        if (!(alpha > 0)) throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        for (double v : values) if (!Double.isFinite(v)) throw new IllegalArgumentException("feature values must be finite numbers");
        double mean = BoundedIntervals.mean(values);
        double sd = Math.sqrt(BoundedIntervals.sampleVariance(values, mean));
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] < mean - alpha * sd ? 0 : values[i] > mean + alpha * sd ? 2 : 1;
        }
        return out;
    }

    /** Dense codes 0..k-1 for arbitrary integer values. */
    private static int[] codes(int[] values) {
        int[] sorted = Arrays.stream(values).distinct().sorted().toArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Arrays.binarySearch(sorted, values[i]);
        return out;
    }
}

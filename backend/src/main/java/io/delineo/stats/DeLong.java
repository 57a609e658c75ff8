package io.delineo.stats;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Area under the ROC curve with DeLong's variance, and DeLong's test for two correlated ROC curves (DeLong, DeLong &amp;
 * Clarke-Pearson 1988, Biometrics 44:837), computed with the fast midrank algorithm of Sun &amp; Xu (2014, IEEE Signal
 * Process Lett 21:1389) in O(n log n). Ties between a positive and a negative case count one half.
 */
public final class DeLong {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private DeLong() { }

    /** AUC of one model with DeLong's variance. */
    public record Auc(double auc, double variance, int positives, int negatives) {
        public double standardError() {
            return Math.sqrt(variance);
        }

        /**
         * Logit-transformed interval with DeLong's SE, inside (0, 1). Refused at AUC 0 or 1 (perfect separation has
         * DeLong variance 0, and an interval "1.000 (1.000–1.000)" would claim a certainty the sample does not give).
         */
        public Interval interval(double level) {
            if (auc <= 0 || auc >= 1 || variance == 0)
                throw new IllegalArgumentException("no DeLong interval at AUC = " + auc
                        + ": the classes are perfectly separated, so DeLong's variance is 0; report it with the sample size, or a bootstrap interval");
            return BoundedIntervals.logit(auc, standardError(), level);
        }
    }

    /** DeLong's test of H0: AUC_A = AUC_B for two models scored on the same cases. */
    public record Comparison(Auc a, Auc b, double difference, double covariance, double standardError, double z,
                             double pValue) { }

    /** AUC and DeLong variance; {@code positive[i]} is the true class of case i, {@code scores[i]} the model's score. */
    public static Auc auc(boolean[] positive, double[] scores) {
        Components c = components(positive, new double[][] {scores});
        return new Auc(c.auc[0], c.covariance[0][0], c.m, c.n);
    }

    /** DeLong's z test for the difference of two correlated AUCs, two-sided p-value. */
    public static Comparison compare(boolean[] positive, double[] scoresA, double[] scoresB) {
        Components c = components(positive, new double[][] {scoresA, scoresB});
        Auc a = new Auc(c.auc[0], c.covariance[0][0], c.m, c.n);
        Auc b = new Auc(c.auc[1], c.covariance[1][1], c.m, c.n);
        double variance = c.covariance[0][0] + c.covariance[1][1] - 2 * c.covariance[0][1];
        double difference = a.auc() - b.auc();
        double se = Math.sqrt(Math.max(0, variance));
        double z, p;
        if (se == 0) {
            if (difference != 0) throw new IllegalArgumentException("the AUC difference has zero variance; DeLong's test does not apply");
            z = 0;
            p = 1;
        } else {
            z = difference / se;
            p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        }
        return new Comparison(a, b, difference, c.covariance[0][1], se, z, p);
    }

    /** Plain AUC (Mann–Whitney) without a variance; needs one case of each class. */
    public static double aucOnly(boolean[] positive, double[] scores) {
        int m = 0;
        for (boolean b : positive) if (b) m++;
        int n = positive.length - m;
        if (m == 0 || n == 0) throw new IllegalArgumentException("an AUC needs positive and negative cases (have " + m + " and " + n + ")");
        if (scores.length != positive.length) throw new IllegalArgumentException("one score per case: " + scores.length + " scores for " + positive.length + " cases");
        double[] ranks = midranks(scores);
        double sum = 0;
        for (int i = 0; i < positive.length; i++) if (positive[i]) sum += ranks[i];
        return (sum - m * (m + 1) / 2.0) / ((double) m * n);
    }

    private record Components(double[] auc, double[][] covariance, int m, int n) { }

    private static Components components(boolean[] positive, double[][] scoresByModel) {
        int total = positive.length;
        int m = 0;
        for (boolean b : positive) if (b) m++;
        int n = total - m;
        if (m < 2 || n < 2)
            throw new IllegalArgumentException("DeLong's variance needs at least 2 positive and 2 negative cases (have " + m + " and " + n + ")");
        int models = scoresByModel.length;
        double[] x = new double[m], y = new double[n];
        double[][] v10 = new double[models][m], v01 = new double[models][n];
        double[] auc = new double[models];
        for (int r = 0; r < models; r++) {
            double[] scores = scoresByModel[r];
            if (scores.length != total) throw new IllegalArgumentException("one score per case: " + scores.length + " scores for " + total + " cases");
            int xi = 0, yi = 0;
            for (int i = 0; i < total; i++) {
                if (!Double.isFinite(scores[i])) throw new IllegalArgumentException("score of case " + (i + 1) + " is not a finite number");
                if (positive[i]) x[xi++] = scores[i];
                else y[yi++] = scores[i];
            }
            double[] tx = midranks(x), ty = midranks(y);
            double[] combined = new double[total];
            System.arraycopy(x, 0, combined, 0, m);
            System.arraycopy(y, 0, combined, m, n);
            double[] tz = midranks(combined);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                v10[r][i] = (tz[i] - tx[i]) / n;
                sum += tz[i];
            }
            for (int j = 0; j < n; j++) v01[r][j] = 1 - (tz[m + j] - ty[j]) / m;
            auc[r] = sum / ((double) m * n) - (m + 1.0) / (2.0 * n);
        }
        double[][] covariance = new double[models][models];
        for (int r = 0; r < models; r++) {
            for (int s = r; s < models; s++) {
                double s10 = 0, s01 = 0;
                for (int i = 0; i < m; i++) s10 += (v10[r][i] - auc[r]) * (v10[s][i] - auc[s]);
                for (int j = 0; j < n; j++) s01 += (v01[r][j] - auc[r]) * (v01[s][j] - auc[s]);
                covariance[r][s] = covariance[s][r] = s10 / (m - 1.0) / m + s01 / (n - 1.0) / n;
            }
        }
        return new Components(auc, covariance, m, n);
    }

    /** 1-based ranks with ties given their average rank. */
    static double[] midranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) ranks[order[t]] = rank;
            i = j + 1;
        }
        return ranks;
    }
}

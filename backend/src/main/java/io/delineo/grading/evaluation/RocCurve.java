package io.delineo.grading.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Empirical ROC curve of scores against a binary truth. Points run from (0, 0) at threshold +&infin; to (1, 1),
 * one point per distinct score, so tied scores form one diagonal step. The area is the trapezoid rule over these
 * points, which equals the Mann-Whitney U / (n+ n-) with ties counted one half.
 */
public record RocCurve(List<RocPoint> points, double auc, int positives, int negatives) {
    public RocCurve {
        points = List.copyOf(points);
    }

    public static RocCurve of(double[] scores, boolean[] positive) {
        if (scores == null || positive == null || scores.length != positive.length) {
            throw new IllegalArgumentException("scores and truth must be given with the same length");
        }
        int pos = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) throw new IllegalArgumentException("score #" + i + " is not finite: " + scores[i]);
            if (positive[i]) pos++;
        }
        int neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("a ROC curve needs positive and negative cases (got " + pos + " positive, "
                    + neg + " negative)");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<RocPoint> pts = new ArrayList<>();
        pts.add(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
        int tp = 0, fp = 0;
        double area = 0, prevFpr = 0, prevTpr = 0;
        for (int n = 0; n < order.length; ) {
            double s = scores[order[n]];
            while (n < order.length && scores[order[n]] == s) {
                if (positive[order[n]]) tp++;
                else fp++;
                n++;
            }
            double fpr = (double) fp / neg, tpr = (double) tp / pos;
            area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
            pts.add(new RocPoint(fpr, tpr, s));
            prevFpr = fpr;
            prevTpr = tpr;
        }
        return new RocCurve(pts, area, pos, neg);
    }

    /** Area only (same computation, for resampling loops). */
    public static double auc(double[] scores, boolean[] positive) { return of(scores, positive).auc(); }
}

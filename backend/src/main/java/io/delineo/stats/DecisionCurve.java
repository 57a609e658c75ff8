package io.delineo.stats;

/**
 * Decision curve analysis (Vickers &amp; Elkin 2006, Med Decis Making 26:565): at threshold probability p_t a case is
 * treated when its predicted risk is >= p_t, and net benefit = TP/n - FP/n · p_t / (1 - p_t). Treat-all has
 * net benefit prevalence - (1 - prevalence) · p_t / (1 - p_t); treat-none is 0 at every threshold.
 */
public final class DecisionCurve {
    private DecisionCurve() { }

    /** Net benefit of the model, of treating all and of treating none at one threshold. */
    public record Point(double threshold, double model, double treatAll, double treatNone, int truePositives,
                        int falsePositives) { }

    public static Point[] curve(boolean[] outcome, double[] risk, double[] thresholds) {
        int n = outcome.length;
        if (n == 0) throw new IllegalArgumentException("a decision curve needs cases");
        if (risk.length != n) throw new IllegalArgumentException("one predicted risk per case: " + risk.length + " for " + n + " cases");
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (!(risk[i] >= 0 && risk[i] <= 1)) throw new IllegalArgumentException("predicted risk of case " + (i + 1) + " must lie in [0, 1], got " + risk[i]);
            if (outcome[i]) events++;
        }
        double prevalence = (double) events / n;
        Point[] points = new Point[thresholds.length];
        for (int t = 0; t < thresholds.length; t++) {
            double pt = thresholds[t];
            if (!(pt > 0 && pt < 1)) throw new IllegalArgumentException("threshold probabilities must lie in (0, 1), got " + pt);
            int tp = 0, fp = 0;
            for (int i = 0; i < n; i++) {
                if (risk[i] >= pt) {
                    if (outcome[i]) tp++;
                    else fp++;
                }
            }
            double odds = pt / (1 - pt);
            double model = (double) tp / n - (double) fp / n * odds;
            double treatAll = prevalence - (1 - prevalence) * odds;
            points[t] = new Point(pt, model, treatAll, 0, tp, fp);
        }
        return points;
    }

    /** Thresholds from {@code from} to {@code to} inclusive in steps of {@code step} (e.g. 0.01 to 0.99 by 0.01). */
    public static double[] thresholds(double from, double to, double step) {
        if (!(from > 0 && to < 1 && from <= to && step > 0)) throw new IllegalArgumentException("thresholds need 0 < from <= to < 1 and step > 0");
        int count = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = from + i * step;
        return out;
    }
}

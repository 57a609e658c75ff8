package io.delineo.stats;

/**
 * Inter-reader agreement of a feature: intraclass correlation from an n targets &times; k readers table
 * (two-way ANOVA, no missing values), after Shrout &amp; Fleiss (1979) and McGraw &amp; Wong (1996):
 * <ul>
 *   <li>ICC(2,1): two-way random effects, absolute agreement, single rater (McGraw &amp; Wong ICC(A,1));</li>
 *   <li>ICC(3,1): two-way mixed effects, consistency, single rater (McGraw &amp; Wong ICC(C,1)).</li>
 * </ul>
 * Confidence intervals use the F-distribution formulas of those papers (Satterthwaite degrees of freedom for
 * ICC(2,1)).
 */
public final class IntraclassCorrelation {
    private final int n, k;
    private final double msRows, msCols, msError;

    /** {@code ratings[target][reader]}; at least 2 targets and 2 readers, all values finite. */
    public IntraclassCorrelation(double[][] ratings) {
        if (ratings == null || ratings.length < 2) throw new IllegalArgumentException("need at least 2 targets");
        n = ratings.length;
        k = ratings[0].length;
        if (k < 2) throw new IllegalArgumentException("need at least 2 readers");
        double grand = 0;
        double[] rowMean = new double[n], colMean = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i] == null || ratings[i].length != k) {
                throw new IllegalArgumentException("target " + i + " does not have " + k + " ratings");
            }
            for (int j = 0; j < k; j++) {
                double v = ratings[i][j];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("rating [" + i + "][" + j + "] is not finite");
                grand += v;
                rowMean[i] += v / k;
                colMean[j] += v / n;
            }
        }
        grand /= n * k;
        double ssRows = 0, ssCols = 0, ssError = 0;
        for (int i = 0; i < n; i++) ssRows += k * (rowMean[i] - grand) * (rowMean[i] - grand);
        for (int j = 0; j < k; j++) ssCols += n * (colMean[j] - grand) * (colMean[j] - grand);
        // residuals summed directly, not as SS_total - SS_rows - SS_cols: when readers nearly agree that difference
        // cancels to a tiny negative number and the ICC leaves [-1/(k-1), 1]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double r = ratings[i][j] - rowMean[i] - colMean[j] + grand;
                ssError += r * r;
            }
        }
        msRows = ssRows / (n - 1);
        msCols = ssCols / (k - 1);
        msError = ssError / ((n - 1.0) * (k - 1.0));
    }

    public double meanSquareTargets() { return msRows; }

    public double meanSquareReaders() { return msCols; }

    public double meanSquareError() { return msError; }

    /** ICC(2,1) with a {@code confidence} (e.g. 0.95) two-sided interval. */
    public IccResult icc21(double confidence) {
        checkConfidence(confidence);
        double icc = (msRows - msError) / (msRows + (k - 1) * msError + k * (msCols - msError) / n);
        double alpha = 1 - confidence;
        double a = k * icc / (n * (1 - icc));
        double b = 1 + k * icc * (n - 1) / (n * (1 - icc));
        double v = Math.pow(a * msCols + b * msError, 2)
                / (Math.pow(a * msCols, 2) / (k - 1) + Math.pow(b * msError, 2) / ((n - 1.0) * (k - 1.0)));
        double lower, upper;
        if (!(v > 0) || !Double.isFinite(v)) {
            lower = upper = Double.NaN;
        } else {
            double fStar = FDistribution.quantile(1 - alpha / 2, n - 1, v);
            double fStar2 = FDistribution.quantile(1 - alpha / 2, v, n - 1);
            double c = k * msCols + (k * n - k - n) * msError;
            lower = n * (msRows - fStar * msError) / (fStar * c + n * msRows);
            upper = n * (fStar2 * msRows - msError) / (c + n * fStar2 * msRows);
        }
        double df2 = (n - 1.0) * (k - 1.0);
        return new IccResult("ICC(2,1)", icc, lower, upper, confidence, msRows / msError, n - 1, df2);
    }

    /** ICC(3,1) with a {@code confidence} (e.g. 0.95) two-sided interval. */
    public IccResult icc31(double confidence) {
        checkConfidence(confidence);
        double icc = (msRows - msError) / (msRows + (k - 1) * msError);
        double alpha = 1 - confidence;
        double df1 = n - 1, df2 = (n - 1.0) * (k - 1.0);
        double f0 = msRows / msError;
        double fl = f0 / FDistribution.quantile(1 - alpha / 2, df1, df2);
        double fu = f0 * FDistribution.quantile(1 - alpha / 2, df2, df1);
        return new IccResult("ICC(3,1)", icc, (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1), confidence, f0, df1,
                df2);
    }

    private static void checkConfidence(double c) {
        if (!(c > 0 && c < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + c);
    }
}

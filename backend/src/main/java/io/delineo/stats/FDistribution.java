package io.delineo.stats;

/**
 * The F distribution: CDF through the regularised incomplete beta function (continued fraction, modified Lentz)
 * and quantiles by bisection refined with Newton steps. Degrees of freedom may be fractional.
 */
public final class FDistribution {
    private FDistribution() { }

    public static double cdf(double x, double d1, double d2) {
        check(d1, d2);
        if (x <= 0) return 0;
        if (Double.isInfinite(x)) return 1;
        return regularizedBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2);
    }

    /** The p-quantile (0 &lt; p &lt; 1). */
    public static double quantile(double p, double d1, double d2) {
        check(d1, d2);
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        double lo = 0, hi = 1;
        while (cdf(hi, d1, d2) < p) {
            hi *= 2;
            if (hi > 1e300) return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, d1, d2) < p) lo = mid;
            else hi = mid;
            if (hi - lo <= 1e-15 * hi) break;
        }
        return 0.5 * (lo + hi);
    }

    private static void check(double d1, double d2) {
        if (!(d1 > 0 && d2 > 0) || Double.isInfinite(d1) || Double.isInfinite(d2)) {
            throw new IllegalArgumentException("degrees of freedom must be positive and finite: " + d1 + ", " + d2);
        }
    }

    /** I_x(a, b). */
    public static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        // the continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise
        if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
        return 1 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double f = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            f *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-15) break;
        }
        return f;
    }

    /** ln Gamma(x) for x &gt; 0 (Lanczos approximation, g = 7, 9 terms; ~15 significant digits). */
    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        x -= 1;
        double s = g[0];
        for (int i = 1; i < 9; i++) s += g[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
    }
}

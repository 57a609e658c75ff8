package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

import java.util.function.ToDoubleFunction;

/**
 * IBSI grey level co-occurrence matrix features (section LFYI) of a symmetric GLCM. {@code p} is the normalised
 * matrix, {@code pd[k]} the diagonal ({@code |i-j| = k}) and {@code ps[k]} the cross-diagonal ({@code i+j = k})
 * probabilities, {@code ng} the number of grey levels (matrix size).
 */
public enum GlcmFeature implements FeatureDefinition {
    JOINT_MAXIMUM("GYBY", "Joint maximum", g -> g.max),
    JOINT_AVERAGE("60VM", "Joint average", g -> g.mu),
    JOINT_VARIANCE("UR99", "Joint variance", g -> g.sum((i, j, p) -> (i - g.mu) * (i - g.mu) * p)),
    JOINT_ENTROPY("TU9B", "Joint entropy", g -> g.hxy),
    DIFFERENCE_AVERAGE("TF7R", "Difference average", g -> g.diffMean),
    DIFFERENCE_VARIANCE("D3YU", "Difference variance", g -> {
        double v = 0;
        for (int k = 0; k < g.pd.length; k++) v += (k - g.diffMean) * (k - g.diffMean) * g.pd[k];
        return v;
    }),
    DIFFERENCE_ENTROPY("NTRS", "Difference entropy", g -> Glcm.entropy(g.pd)),
    SUM_AVERAGE("ZGXS", "Sum average", g -> g.sumMean),
    SUM_VARIANCE("OEEB", "Sum variance", g -> {
        double v = 0;
        for (int k = 2; k < g.ps.length; k++) v += (k - g.sumMean) * (k - g.sumMean) * g.ps[k];
        return v;
    }),
    SUM_ENTROPY("P6QZ", "Sum entropy", g -> Glcm.entropy(g.ps)),
    ANGULAR_SECOND_MOMENT("8ZQL", "Angular second moment", g -> g.sum((i, j, p) -> p * p)),
    CONTRAST("ACUI", "Contrast", g -> g.sum((i, j, p) -> (i - j) * (i - j) * p)),
    DISSIMILARITY("8S9J", "Dissimilarity", g -> g.diffMean),
    INVERSE_DIFFERENCE("IB1Z", "Inverse difference", g -> g.diag(k -> 1.0 / (1 + k))),
    NORMALISED_INVERSE_DIFFERENCE("NDRX", "Normalised inverse difference", g -> g.diag(k -> 1.0 / (1 + k / (double) g.ng))),
    INVERSE_DIFFERENCE_MOMENT("WF0Z", "Inverse difference moment", g -> g.diag(k -> 1.0 / (1 + (double) k * k))),
    NORMALISED_INVERSE_DIFFERENCE_MOMENT("1QCO", "Normalised inverse difference moment",
            g -> g.diag(k -> 1.0 / (1 + (k / (double) g.ng) * (k / (double) g.ng)))),
    INVERSE_VARIANCE("E8JP", "Inverse variance", g -> g.diag(k -> k == 0 ? 0 : 1.0 / ((double) k * k))),
    CORRELATION("NI2N", "Correlation", g -> g.var == 0 ? Double.NaN
            : g.sum((i, j, p) -> (i - g.mu) * (j - g.mu) * p) / g.var),
    AUTOCORRELATION("QWB0", "Autocorrelation", g -> g.sum((i, j, p) -> (double) i * j * p)),
    CLUSTER_TENDENCY("DG8W", "Cluster tendency", g -> g.sum((i, j, p) -> {
        double t = i + j - 2 * g.mu;
        return t * t * p;
    })),
    CLUSTER_SHADE("7NFM", "Cluster shade", g -> g.sum((i, j, p) -> {
        double t = i + j - 2 * g.mu;
        return t * t * t * p;
    })),
    CLUSTER_PROMINENCE("AE86", "Cluster prominence", g -> g.sum((i, j, p) -> {
        double t2 = (i + j - 2 * g.mu) * (i + j - 2 * g.mu);
        return t2 * t2 * p;
    })),
    INFORMATION_CORRELATION_1("R8DG", "Information correlation 1",
            g -> g.hx == 0 ? Double.NaN : (g.hxy - g.hxy1) / g.hx),
    INFORMATION_CORRELATION_2("JN9H", "Information correlation 2",
            g -> Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (g.hxy2 - g.hxy)))));

    private final String code;
    private final String name;
    private final ToDoubleFunction<Glcm> formula;

    GlcmFeature(String code, String name, ToDoubleFunction<Glcm> formula) {
        this.code = code;
        this.name = name;
        this.formula = formula;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.GLCM; }

    public double compute(Glcm g) { return formula.applyAsDouble(g); }

    /** A normalised symmetric co-occurrence matrix with its derived distributions. */
    public static final class Glcm {
        final int ng;
        final double[] p; // (ng+1)^2, row-major, index 0 unused
        final double[] marginal, pd, ps;
        /** The non-zero entries (row, column, probability), so sums skip the empty part of the matrix. */
        final int[] nzI, nzJ;
        final double[] nzP;
        final double mu, var, max, diffMean, sumMean, hxy, hx, hxy1, hxy2;

        interface Term { double of(int i, int j, double p); }

        interface DiagWeight { double of(int k); }

        /** {@code counts} is a (ng+1)x(ng+1) co-occurrence count matrix, symmetric, with a positive sum. */
        public Glcm(double[] counts, int ng) {
            this.ng = ng;
            int w = ng + 1;
            double total = 0;
            for (double v : counts) total += v;
            p = new double[counts.length];
            marginal = new double[w];
            pd = new double[ng];
            ps = new double[2 * ng + 1];
            double mx = 0;
            int nonZero = 0;
            for (int i = 1; i <= ng; i++) for (int j = 1; j <= ng; j++) if (counts[i * w + j] != 0) nonZero++;
            nzI = new int[nonZero];
            nzJ = new int[nonZero];
            nzP = new double[nonZero];
            int q = 0;
            for (int i = 1; i <= ng; i++) for (int j = 1; j <= ng; j++) {
                if (counts[i * w + j] == 0) continue;
                double v = counts[i * w + j] / total;
                nzI[q] = i;
                nzJ[q] = j;
                nzP[q++] = v;
                p[i * w + j] = v;
                marginal[i] += v;
                pd[Math.abs(i - j)] += v;
                ps[i + j] += v;
                mx = Math.max(mx, v);
            }
            max = mx;
            double m = 0;
            for (int i = 1; i <= ng; i++) m += i * marginal[i];
            mu = m;
            double vv = 0;
            for (int i = 1; i <= ng; i++) vv += (i - mu) * (i - mu) * marginal[i];
            var = vv;
            double dm = 0;
            for (int k = 0; k < ng; k++) dm += k * pd[k];
            diffMean = dm;
            double sm = 0;
            for (int k = 2; k <= 2 * ng; k++) sm += k * ps[k];
            sumMean = sm;
            hxy = entropy(nzP);
            hx = entropy(marginal);
            // HXY1 = -sum p_ij log(p_i p_j) and HXY2 = -sum p_i p_j log(p_i p_j) both reduce to HX + HY = 2 HX,
            // because the marginals of p_ij are p_i and p_j (no extra logarithms needed)
            hxy1 = 2 * hx;
            hxy2 = 2 * hx;
        }

        double sum(Term t) {
            double s = 0;
            for (int k = 0; k < nzP.length; k++) s += t.of(nzI[k], nzJ[k], nzP[k]);
            return s;
        }

        double diag(DiagWeight wgt) {
            double s = 0;
            for (int k = 0; k < pd.length; k++) if (pd[k] != 0) s += pd[k] * wgt.of(k);
            return s;
        }

        static double entropy(double[] probabilities) {
            double e = 0;
            for (double v : probabilities) if (v > 0) e -= v * Math.log(v);
            return e / Math.log(2);
        }
    }
}

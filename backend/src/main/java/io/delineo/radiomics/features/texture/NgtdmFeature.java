package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

import java.util.function.ToDoubleFunction;

/**
 * IBSI neighbourhood grey tone difference matrix features (section IPET), Chebyshev distance 1; a voxel counts when
 * at least one neighbour is in the ROI. {@code n[i]}: voxels of level i with a neighbourhood, {@code s[i]}: their
 * summed absolute differences to the neighbourhood mean, {@code p[i] = n[i]/Nvc}.
 */
public enum NgtdmFeature implements FeatureDefinition {
    COARSENESS("QCDE", "Coarseness", t -> {
        double d = 0;
        for (int i = 1; i <= t.ng; i++) d += t.p[i] * t.s[i];
        return d == 0 ? 1e6 : 1 / d;
    }),
    CONTRAST("65HE", "Contrast", t -> {
        if (t.ngp <= 1) return 0;
        double a = 0, ssum = 0;
        for (int i = 1; i <= t.ng; i++) {
            ssum += t.s[i];
            for (int j = 1; j <= t.ng; j++) a += t.p[i] * t.p[j] * (i - j) * (i - j);
        }
        return a / (t.ngp * (t.ngp - 1.0)) * ssum / t.nvc;
    }),
    BUSYNESS("NQ30", "Busyness", t -> {
        if (t.ngp <= 1) return 0;
        double num = 0, den = 0;
        for (int i = 1; i <= t.ng; i++) {
            num += t.p[i] * t.s[i];
            if (t.p[i] == 0) continue;
            for (int j = 1; j <= t.ng; j++) if (t.p[j] > 0) den += Math.abs(i * t.p[i] - j * t.p[j]);
        }
        return den == 0 ? 0 : num / den;
    }),
    COMPLEXITY("HDEZ", "Complexity", t -> {
        double c = 0;
        for (int i = 1; i <= t.ng; i++) {
            if (t.p[i] == 0) continue;
            for (int j = 1; j <= t.ng; j++) {
                if (t.p[j] == 0) continue;
                c += Math.abs(i - j) * (t.p[i] * t.s[i] + t.p[j] * t.s[j]) / (t.p[i] + t.p[j]);
            }
        }
        return c / t.nvc;
    }),
    STRENGTH("1X9X", "Strength", t -> {
        double num = 0, ssum = 0;
        for (int i = 1; i <= t.ng; i++) {
            ssum += t.s[i];
            if (t.p[i] == 0) continue;
            for (int j = 1; j <= t.ng; j++) if (t.p[j] > 0) num += (t.p[i] + t.p[j]) * (i - j) * (i - j);
        }
        return ssum == 0 ? 0 : num / ssum;
    });

    private final String code;
    private final String name;
    private final ToDoubleFunction<Ngtdm> formula;

    NgtdmFeature(String code, String name, ToDoubleFunction<Ngtdm> formula) {
        this.code = code;
        this.name = name;
        this.formula = formula;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.NGTDM; }

    public double compute(Ngtdm t) { return t.nvc == 0 ? Double.NaN : formula.applyAsDouble(t); }

    /** The NGTDM columns n_i and s_i for grey levels 1..ng. */
    public static final class Ngtdm {
        final int ng;
        final double[] n, s, p;
        double nvc;
        int ngp;

        Ngtdm(int ng) {
            this.ng = ng;
            n = new double[ng + 1];
            s = new double[ng + 1];
            p = new double[ng + 1];
        }

        /** Computes p_i, Nvc and the number of non-empty levels after n and s are filled. */
        Ngtdm finish() {
            nvc = 0;
            ngp = 0;
            for (int i = 1; i <= ng; i++) nvc += n[i];
            for (int i = 1; i <= ng; i++) {
                p[i] = nvc == 0 ? 0 : n[i] / nvc;
                if (n[i] > 0) ngp++;
            }
            return this;
        }

        static Ngtdm merge(Iterable<Ngtdm> ts, int ng) {
            Ngtdm out = new Ngtdm(ng);
            for (Ngtdm t : ts) for (int i = 1; i <= t.ng; i++) {
                out.n[i] += t.n[i];
                out.s[i] += t.s[i];
            }
            return out.finish();
        }
    }
}

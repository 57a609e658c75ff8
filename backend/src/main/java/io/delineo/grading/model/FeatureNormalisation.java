package io.delineo.grading.model;

import java.util.Arrays;

/**
 * Per-feature z-score {@code (x - mean) / sd}, in the card's feature order. {@code appliedBy} says who applies it:
 * {@link AppliedBy#PORTAL} (the portal transforms before inference; the graph expects z-scores) or
 * {@link AppliedBy#GRAPH} (baked into the ONNX graph; the portal passes raw values and the numbers are informative).
 */
public record FeatureNormalisation(AppliedBy appliedBy, double[] means, double[] sds) {
    public enum AppliedBy {
        PORTAL, GRAPH;

        public String json() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static AppliedBy parse(String s) {
            for (AppliedBy a : values()) if (a.json().equals(s)) return a;
            throw new ModelCardException("\"input.normalisation.appliedBy\" must be \"portal\" or \"graph\", got \""
                    + s + '"');
        }
    }

    public FeatureNormalisation {
        if (appliedBy == null) throw new ModelCardException("\"input.normalisation.appliedBy\" is required");
        if (means == null || sds == null) throw new ModelCardException("\"input.normalisation\" needs means and sds");
        if (means.length != sds.length) {
            throw new ModelCardException("\"input.normalisation\": " + means.length + " means but " + sds.length + " sds");
        }
        for (int i = 0; i < means.length; i++) {
            if (!Double.isFinite(means[i])) throw new ModelCardException("normalisation mean #" + i + " is not finite");
            if (!(sds[i] > 0) || !Double.isFinite(sds[i])) {
                throw new ModelCardException("normalisation sd #" + i + " must be positive and finite, got " + sds[i]);
            }
        }
        means = means.clone();
        sds = sds.clone();
    }

    @Override public double[] means() { return means.clone(); }

    @Override public double[] sds() { return sds.clone(); }

    public double mean(int i) { return means[i]; }

    public double sd(int i) { return sds[i]; }

    public int size() { return means.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureNormalisation f && f.appliedBy == appliedBy && Arrays.equals(f.means, means)
                && Arrays.equals(f.sds, sds);
    }

    @Override
    public int hashCode() { return 31 * (31 * appliedBy.hashCode() + Arrays.hashCode(means)) + Arrays.hashCode(sds); }

    @Override
    public String toString() { return "FeatureNormalisation[" + appliedBy + ", " + means.length + " features]"; }
}

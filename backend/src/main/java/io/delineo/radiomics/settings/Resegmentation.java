package io.delineo.radiomics.settings;

/**
 * Re-segmentation of the intensity mask: keep voxels in {@code [lower, upper]} (when {@code hasRange}) and/or within
 * mean &plusmn; {@code outlierSigma}&middot;SD (when {@code outlierSigma > 0}). The range is applied first.
 */
public record Resegmentation(boolean hasRange, double lower, double upper, double outlierSigma) {
    public Resegmentation {
        if (hasRange && !(Double.isFinite(lower) && Double.isFinite(upper) && lower <= upper)) {
            throw new SettingsException("\"resegmentation.range\" must be [lower, upper] with lower <= upper");
        }
        if (outlierSigma < 0 || !Double.isFinite(outlierSigma)) {
            throw new SettingsException("\"resegmentation.outlierSigma\" must be positive");
        }
    }
}

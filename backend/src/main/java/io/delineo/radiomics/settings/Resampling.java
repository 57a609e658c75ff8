package io.delineo.radiomics.settings;

/**
 * Resampling to a new voxel spacing with IBSI "align grid centres". {@code spacingMm} has three entries (x, y, z);
 * for 2D processing z is ignored (slices are kept). The ROI is interpolated with {@code roiInterpolation} and
 * binarised at {@code roiPartialVolume}.
 */
public record Resampling(double[] spacingMm, Interpolation interpolation, boolean roundIntensities,
                         Interpolation roiInterpolation, double roiPartialVolume) {
    public Resampling {
        if (spacingMm == null || (spacingMm.length != 3 && spacingMm.length != 2)) {
            throw new SettingsException("\"resampling.spacingMm\" needs 2 (in-plane) or 3 values");
        }
        for (double s : spacingMm) {
            if (!(s > 0) || !Double.isFinite(s)) throw new SettingsException("\"resampling.spacingMm\" must be positive");
        }
        if (interpolation == null) throw new SettingsException("\"resampling.interpolation\" is required");
        if (roiInterpolation == null) roiInterpolation = Interpolation.LINEAR;
        if (roiInterpolation == Interpolation.TRICUBIC) {
            throw new SettingsException("\"resampling.roiInterpolation\" must be nearest or (tri)linear");
        }
        if (!(roiPartialVolume > 0 && roiPartialVolume <= 1)) {
            throw new SettingsException("\"resampling.roiPartialVolume\" must be in (0, 1], got " + roiPartialVolume);
        }
        spacingMm = spacingMm.clone();
    }

    @Override
    public double[] spacingMm() { return spacingMm.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resampling r && java.util.Arrays.equals(r.spacingMm, spacingMm)
                && r.interpolation == interpolation && r.roundIntensities == roundIntensities
                && r.roiInterpolation == roiInterpolation && r.roiPartialVolume == roiPartialVolume;
    }

    @Override
    public int hashCode() { return java.util.Arrays.hashCode(spacingMm) * 31 + interpolation.hashCode(); }
}

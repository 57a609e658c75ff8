package io.delineo.dicom.pixel;

/** Modality rescale: real value = slope * stored value + intercept (e.g. Hounsfield units for CT). */
public record RescaleTransform(double slope, double intercept, String type) {
    public static final RescaleTransform IDENTITY = new RescaleTransform(1, 0, "");

    public RescaleTransform {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept) || slope == 0) {
            throw new IllegalArgumentException("invalid rescale slope " + slope + " / intercept " + intercept);
        }
    }

    public double apply(double stored) {
        return slope * stored + intercept;
    }
}

package io.delineo.radiomics.processing;

/**
 * How one axis of the interpolation grid maps onto the original grid (IBSI "align grid centres"):
 * target voxel {@code t} sits at original grid coordinate {@code origin + t * step}, with
 * {@code n = ceil(nOriginal * sOriginal / sTarget)}, {@code step = sTarget / sOriginal} and
 * {@code origin = (nOriginal - 1 - step * (n - 1)) / 2}.
 */
public record AxisMapping(int n, double origin, double step, double spacingMm) {

    public static AxisMapping identity(int n, double spacingMm) { return new AxisMapping(n, 0, 1, spacingMm); }

    public static AxisMapping alignCentres(int nOriginal, double sOriginal, double sTarget) {
        // the tiny tolerance keeps e.g. 60 * 3.0 / 2.0 = 90 from becoming 91 through rounding noise
        int n = (int) Math.ceil(nOriginal * sOriginal / sTarget - 1e-9);
        double step = sTarget / sOriginal;
        return new AxisMapping(n, 0.5 * (nOriginal - 1 - step * (n - 1)), step, sTarget);
    }

    public double toOriginal(int t) { return origin + t * step; }

    /** Smallest target index whose original coordinate is at least {@code x}. */
    public int firstAtOrAfter(double x) { return (int) Math.ceil((x - origin) / step - 1e-9); }

    /** Largest target index whose original coordinate is at most {@code x}. */
    public int lastAtOrBefore(double x) { return (int) Math.floor((x - origin) / step + 1e-9); }
}

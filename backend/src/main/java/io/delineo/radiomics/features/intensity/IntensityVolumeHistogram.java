package io.delineo.radiomics.features.intensity;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * IBSI intensity-volume histogram features (section P88C). The IVH is evaluated at the discretised intensities
 * {@code g_min, g_min + w, ..., g_max} of the total range G: volume fraction {@code nu(i)} = fraction of voxels with
 * intensity &ge; i, intensity fraction {@code gamma(i) = (i - g_min)/(g_max - g_min)}. Columns of the parameterised
 * features carry the percentage, e.g. {@code BC2M_10} for V10.
 */
public enum IntensityVolumeHistogram implements FeatureDefinition {
    V10("BC2M", "Volume fraction at 10% intensity", "_10", c -> c.volumeAtIntensityFraction(0.10)),
    V90("BC2M", "Volume fraction at 90% intensity", "_90", c -> c.volumeAtIntensityFraction(0.90)),
    I10("GBPN", "Intensity at 10% volume", "_10", c -> c.intensityAtVolumeFraction(0.10)),
    I90("GBPN", "Intensity at 90% volume", "_90", c -> c.intensityAtVolumeFraction(0.90)),
    V10_MINUS_V90("DDTU", "Volume fraction difference between 10% and 90% intensity", "_10_90",
            c -> c.volumeAtIntensityFraction(0.10) - c.volumeAtIntensityFraction(0.90)),
    I10_MINUS_I90("CNV2", "Intensity difference between 10% and 90% volume", "_10_90",
            c -> c.intensityAtVolumeFraction(0.10) - c.intensityAtVolumeFraction(0.90)),
    AREA_UNDER_CURVE("9CMM", "Area under the IVH curve", "", Curve::area);

    private final String code;
    private final String name;
    private final String parameter;
    private final ToDoubleFunction<Curve> formula;

    IntensityVolumeHistogram(String code, String name, String parameter, ToDoubleFunction<Curve> formula) {
        this.code = code;
        this.name = name;
        this.parameter = parameter;
        this.formula = formula;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.INTENSITY_VOLUME_HISTOGRAM; }

    @Override public String columnCode() { return code + parameter; }

    public double compute(Curve c) { return formula.applyAsDouble(c); }

    /** The IVH of discretised intensities {@code values} over G = [gMin, gMax] with step w. */
    public static final class Curve {
        final double[] intensity, nu, gamma;

        public Curve(double[] values, double gMin, double gMax, double w) {
            if (values.length == 0) throw new IllegalArgumentException("no voxels for the IVH");
            if (!(gMax >= gMin) || !(w > 0)) throw new IllegalArgumentException("invalid IVH range");
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            long steps = Math.round((gMax - gMin) / w);
            if (steps > 2_000_000) {
                throw new IllegalArgumentException("the intensity-volume histogram would need " + steps
                        + " steps; use a coarser \"ivhDiscretisation\"");
            }
            int n = (int) steps + 1;
            intensity = new double[n];
            nu = new double[n];
            gamma = new double[n];
            int idx = 0; // number of sorted values strictly below the current intensity
            for (int k = 0; k < n; k++) {
                double i = gMin + k * w;
                // half a step tolerance: values are discretised to the same lattice
                while (idx < sorted.length && sorted[idx] < i - 1e-9 * Math.max(1, Math.abs(i))) idx++;
                intensity[k] = i;
                nu[k] = 1 - idx / (double) sorted.length;
                gamma[k] = n == 1 ? 0 : (i - gMin) / (gMax - gMin);
            }
        }

        /** Largest volume fraction among intensities with intensity fraction at least x. */
        double volumeAtIntensityFraction(double x) {
            for (int k = 0; k < gamma.length; k++) if (gamma[k] >= x - 1e-12) return nu[k];
            return 0;
        }

        /** Lowest intensity whose volume fraction is at most x. */
        double intensityAtVolumeFraction(double x) {
            for (int k = 0; k < nu.length; k++) if (nu[k] <= x + 1e-12) return intensity[k];
            return intensity[intensity.length - 1] + (intensity.length > 1 ? intensity[1] - intensity[0] : 1);
        }

        double area() {
            if (nu.length < 2) return 0;
            double a = 0;
            for (int k = 1; k < nu.length; k++) a += 0.5 * (nu[k] + nu[k - 1]) * (gamma[k] - gamma[k - 1]);
            return a;
        }
    }
}

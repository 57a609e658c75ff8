package io.delineo.radiomics.settings;

/**
 * A discretisation rule. For {@link DiscretisationMethod#FBS} {@code value} is the bin width (intensity units), for
 * {@link DiscretisationMethod#FBN} the number of bins (a positive integer).
 */
public record Discretisation(DiscretisationMethod method, double value) {
    public Discretisation {
        if (method == null) throw new SettingsException("discretisation method is required");
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new SettingsException("discretisation value must be positive, got " + value);
        }
        if (method == DiscretisationMethod.FBN && (value != Math.rint(value) || value > 100_000)) {
            throw new SettingsException("FBN needs a whole number of bins (1..100000), got " + value);
        }
    }

    public int binCount() { return (int) value; }
}

package io.delineo.radiomics;

/**
 * What every feature enum entry declares about itself: its IBSI identifier (e.g. {@code RNU0}), a readable name and
 * its family. Parameterised features (e.g. the intensity-volume histogram's V10/V90) carry the parameter in
 * {@link #columnCode()}.
 */
public interface FeatureDefinition {
    String ibsiCode();

    String displayName();

    FeatureFamily family();

    /** The base CSV column (before aggregation suffix and filter prefix); the IBSI code unless parameterised. */
    default String columnCode() { return ibsiCode(); }
}

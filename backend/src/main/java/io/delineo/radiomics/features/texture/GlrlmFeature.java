package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

/** IBSI grey level run length matrix features (section TP0I); {@code j} is the run length. */
public enum GlrlmFeature implements FeatureDefinition {
    SHORT_RUNS_EMPHASIS("22OV", "Short runs emphasis", SizeStatistic.SMALL_EMPHASIS),
    LONG_RUNS_EMPHASIS("W4KF", "Long runs emphasis", SizeStatistic.LARGE_EMPHASIS),
    LOW_GREY_LEVEL_RUN_EMPHASIS("V3SW", "Low grey level run emphasis", SizeStatistic.LOW_GREY_EMPHASIS),
    HIGH_GREY_LEVEL_RUN_EMPHASIS("G3QZ", "High grey level run emphasis", SizeStatistic.HIGH_GREY_EMPHASIS),
    SHORT_RUN_LOW_GREY_LEVEL_EMPHASIS("HTZT", "Short run low grey level emphasis", SizeStatistic.SMALL_LOW_GREY_EMPHASIS),
    SHORT_RUN_HIGH_GREY_LEVEL_EMPHASIS("GD3A", "Short run high grey level emphasis", SizeStatistic.SMALL_HIGH_GREY_EMPHASIS),
    LONG_RUN_LOW_GREY_LEVEL_EMPHASIS("IVPO", "Long run low grey level emphasis", SizeStatistic.LARGE_LOW_GREY_EMPHASIS),
    LONG_RUN_HIGH_GREY_LEVEL_EMPHASIS("3KUM", "Long run high grey level emphasis", SizeStatistic.LARGE_HIGH_GREY_EMPHASIS),
    GREY_LEVEL_NON_UNIFORMITY("R5YN", "Grey level non-uniformity", SizeStatistic.GREY_NON_UNIFORMITY),
    NORMALISED_GREY_LEVEL_NON_UNIFORMITY("OVBL", "Normalised grey level non-uniformity",
            SizeStatistic.GREY_NON_UNIFORMITY_NORMALISED),
    RUN_LENGTH_NON_UNIFORMITY("W92Y", "Run length non-uniformity", SizeStatistic.SIZE_NON_UNIFORMITY),
    NORMALISED_RUN_LENGTH_NON_UNIFORMITY("IC23", "Normalised run length non-uniformity",
            SizeStatistic.SIZE_NON_UNIFORMITY_NORMALISED),
    RUN_PERCENTAGE("9ZK5", "Run percentage", SizeStatistic.PERCENTAGE),
    GREY_LEVEL_VARIANCE("8CE5", "Grey level variance", SizeStatistic.GREY_VARIANCE),
    RUN_LENGTH_VARIANCE("SXLW", "Run length variance", SizeStatistic.SIZE_VARIANCE),
    RUN_ENTROPY("HJ9O", "Run entropy", SizeStatistic.ENTROPY);

    private final String code;
    private final String name;
    final SizeStatistic statistic;

    GlrlmFeature(String code, String name, SizeStatistic statistic) {
        this.code = code;
        this.name = name;
        this.statistic = statistic;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.GLRLM; }
}

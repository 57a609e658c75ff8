package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

/** IBSI grey level distance zone matrix features (section VMDZ); {@code j} is the zone's distance to the ROI edge. */
public enum GldzmFeature implements FeatureDefinition {
    SMALL_DISTANCE_EMPHASIS("0GBI", "Small distance emphasis", SizeStatistic.SMALL_EMPHASIS),
    LARGE_DISTANCE_EMPHASIS("MB4I", "Large distance emphasis", SizeStatistic.LARGE_EMPHASIS),
    LOW_GREY_LEVEL_ZONE_EMPHASIS("S1RA", "Low grey level zone emphasis", SizeStatistic.LOW_GREY_EMPHASIS),
    HIGH_GREY_LEVEL_ZONE_EMPHASIS("K26C", "High grey level zone emphasis", SizeStatistic.HIGH_GREY_EMPHASIS),
    SMALL_DISTANCE_LOW_GREY_LEVEL_EMPHASIS("RUVG", "Small distance low grey level emphasis",
            SizeStatistic.SMALL_LOW_GREY_EMPHASIS),
    SMALL_DISTANCE_HIGH_GREY_LEVEL_EMPHASIS("DKNJ", "Small distance high grey level emphasis",
            SizeStatistic.SMALL_HIGH_GREY_EMPHASIS),
    LARGE_DISTANCE_LOW_GREY_LEVEL_EMPHASIS("A7WM", "Large distance low grey level emphasis",
            SizeStatistic.LARGE_LOW_GREY_EMPHASIS),
    LARGE_DISTANCE_HIGH_GREY_LEVEL_EMPHASIS("KLTH", "Large distance high grey level emphasis",
            SizeStatistic.LARGE_HIGH_GREY_EMPHASIS),
    GREY_LEVEL_NON_UNIFORMITY("VFT7", "Grey level non-uniformity", SizeStatistic.GREY_NON_UNIFORMITY),
    NORMALISED_GREY_LEVEL_NON_UNIFORMITY("7HP3", "Normalised grey level non-uniformity",
            SizeStatistic.GREY_NON_UNIFORMITY_NORMALISED),
    ZONE_DISTANCE_NON_UNIFORMITY("V294", "Zone distance non-uniformity", SizeStatistic.SIZE_NON_UNIFORMITY),
    NORMALISED_ZONE_DISTANCE_NON_UNIFORMITY("IATH", "Normalised zone distance non-uniformity",
            SizeStatistic.SIZE_NON_UNIFORMITY_NORMALISED),
    ZONE_PERCENTAGE("VIWW", "Zone percentage", SizeStatistic.PERCENTAGE),
    GREY_LEVEL_VARIANCE("QK93", "Grey level variance", SizeStatistic.GREY_VARIANCE),
    ZONE_DISTANCE_VARIANCE("7WT1", "Zone distance variance", SizeStatistic.SIZE_VARIANCE),
    ZONE_DISTANCE_ENTROPY("GBDU", "Zone distance entropy", SizeStatistic.ENTROPY);

    private final String code;
    private final String name;
    final SizeStatistic statistic;

    GldzmFeature(String code, String name, SizeStatistic statistic) {
        this.code = code;
        this.name = name;
        this.statistic = statistic;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.GLDZM; }
}

package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

/** IBSI grey level size zone matrix features (section 9SAK); {@code j} is the zone size in voxels. */
public enum GlszmFeature implements FeatureDefinition {
    SMALL_ZONE_EMPHASIS("5QRC", "Small zone emphasis", SizeStatistic.SMALL_EMPHASIS),
    LARGE_ZONE_EMPHASIS("48P8", "Large zone emphasis", SizeStatistic.LARGE_EMPHASIS),
    LOW_GREY_LEVEL_ZONE_EMPHASIS("XMSY", "Low grey level zone emphasis", SizeStatistic.LOW_GREY_EMPHASIS),
    HIGH_GREY_LEVEL_ZONE_EMPHASIS("5GN9", "High grey level zone emphasis", SizeStatistic.HIGH_GREY_EMPHASIS),
    SMALL_ZONE_LOW_GREY_LEVEL_EMPHASIS("5RAI", "Small zone low grey level emphasis", SizeStatistic.SMALL_LOW_GREY_EMPHASIS),
    SMALL_ZONE_HIGH_GREY_LEVEL_EMPHASIS("HW1V", "Small zone high grey level emphasis", SizeStatistic.SMALL_HIGH_GREY_EMPHASIS),
    LARGE_ZONE_LOW_GREY_LEVEL_EMPHASIS("YH51", "Large zone low grey level emphasis", SizeStatistic.LARGE_LOW_GREY_EMPHASIS),
    LARGE_ZONE_HIGH_GREY_LEVEL_EMPHASIS("J17V", "Large zone high grey level emphasis", SizeStatistic.LARGE_HIGH_GREY_EMPHASIS),
    GREY_LEVEL_NON_UNIFORMITY("JNSA", "Grey level non-uniformity", SizeStatistic.GREY_NON_UNIFORMITY),
    NORMALISED_GREY_LEVEL_NON_UNIFORMITY("Y1RO", "Normalised grey level non-uniformity",
            SizeStatistic.GREY_NON_UNIFORMITY_NORMALISED),
    ZONE_SIZE_NON_UNIFORMITY("4JP3", "Zone size non-uniformity", SizeStatistic.SIZE_NON_UNIFORMITY),
    NORMALISED_ZONE_SIZE_NON_UNIFORMITY("VB3A", "Normalised zone size non-uniformity",
            SizeStatistic.SIZE_NON_UNIFORMITY_NORMALISED),
    ZONE_PERCENTAGE("P30P", "Zone percentage", SizeStatistic.PERCENTAGE),
    GREY_LEVEL_VARIANCE("BYLV", "Grey level variance", SizeStatistic.GREY_VARIANCE),
    ZONE_SIZE_VARIANCE("3NSA", "Zone size variance", SizeStatistic.SIZE_VARIANCE),
    ZONE_SIZE_ENTROPY("GU8N", "Zone size entropy", SizeStatistic.ENTROPY);

    private final String code;
    private final String name;
    final SizeStatistic statistic;

    GlszmFeature(String code, String name, SizeStatistic statistic) {
        this.code = code;
        this.name = name;
        this.statistic = statistic;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.GLSZM; }
}

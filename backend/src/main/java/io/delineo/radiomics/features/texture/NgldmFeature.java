package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

/**
 * IBSI neighbouring grey level dependence matrix features (section REK0), Chebyshev distance 1, coarseness
 * &alpha; = 0; {@code j} is the dependence count (the centre voxel included, so j &ge; 1).
 */
public enum NgldmFeature implements FeatureDefinition {
    LOW_DEPENDENCE_EMPHASIS("SODN", "Low dependence emphasis", SizeStatistic.SMALL_EMPHASIS),
    HIGH_DEPENDENCE_EMPHASIS("IMOQ", "High dependence emphasis", SizeStatistic.LARGE_EMPHASIS),
    LOW_GREY_LEVEL_COUNT_EMPHASIS("TL9H", "Low grey level count emphasis", SizeStatistic.LOW_GREY_EMPHASIS),
    HIGH_GREY_LEVEL_COUNT_EMPHASIS("OAE7", "High grey level count emphasis", SizeStatistic.HIGH_GREY_EMPHASIS),
    LOW_DEPENDENCE_LOW_GREY_LEVEL_EMPHASIS("EQ3F", "Low dependence low grey level emphasis",
            SizeStatistic.SMALL_LOW_GREY_EMPHASIS),
    LOW_DEPENDENCE_HIGH_GREY_LEVEL_EMPHASIS("JA6D", "Low dependence high grey level emphasis",
            SizeStatistic.SMALL_HIGH_GREY_EMPHASIS),
    HIGH_DEPENDENCE_LOW_GREY_LEVEL_EMPHASIS("NBZI", "High dependence low grey level emphasis",
            SizeStatistic.LARGE_LOW_GREY_EMPHASIS),
    HIGH_DEPENDENCE_HIGH_GREY_LEVEL_EMPHASIS("9QMG", "High dependence high grey level emphasis",
            SizeStatistic.LARGE_HIGH_GREY_EMPHASIS),
    GREY_LEVEL_NON_UNIFORMITY("FP8K", "Grey level non-uniformity", SizeStatistic.GREY_NON_UNIFORMITY),
    NORMALISED_GREY_LEVEL_NON_UNIFORMITY("5SPA", "Normalised grey level non-uniformity",
            SizeStatistic.GREY_NON_UNIFORMITY_NORMALISED),
    DEPENDENCE_COUNT_NON_UNIFORMITY("Z87G", "Dependence count non-uniformity", SizeStatistic.SIZE_NON_UNIFORMITY),
    NORMALISED_DEPENDENCE_COUNT_NON_UNIFORMITY("OKJI", "Normalised dependence count non-uniformity",
            SizeStatistic.SIZE_NON_UNIFORMITY_NORMALISED),
    DEPENDENCE_COUNT_PERCENTAGE("6XV8", "Dependence count percentage", SizeStatistic.PERCENTAGE),
    GREY_LEVEL_VARIANCE("1PFV", "Grey level variance", SizeStatistic.GREY_VARIANCE),
    DEPENDENCE_COUNT_VARIANCE("DNX2", "Dependence count variance", SizeStatistic.SIZE_VARIANCE),
    DEPENDENCE_COUNT_ENTROPY("FCBV", "Dependence count entropy", SizeStatistic.ENTROPY),
    DEPENDENCE_COUNT_ENERGY("CAS9", "Dependence count energy", SizeStatistic.ENERGY);

    private final String code;
    private final String name;
    final SizeStatistic statistic;

    NgldmFeature(String code, String name, SizeStatistic statistic) {
        this.code = code;
        this.name = name;
        this.statistic = statistic;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.NGLDM; }
}

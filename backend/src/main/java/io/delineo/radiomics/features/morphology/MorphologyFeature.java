package io.delineo.radiomics.features.morphology;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;

import java.util.function.ToDoubleFunction;

/**
 * IBSI morphological features (section HCUG). V and A come from the marching-cubes mesh of the morphological mask;
 * PCA, centre of mass and voxel counts from voxel centres; densities compare V and A with enclosing shapes.
 */
public enum MorphologyFeature implements FeatureDefinition {
    VOLUME("RNU0", "Volume (mesh)", s -> s.volume),
    APPROXIMATE_VOLUME("YEKZ", "Volume (voxel counting)", s -> s.voxelVolume),
    SURFACE_AREA("C0JK", "Surface area (mesh)", s -> s.area),
    SURFACE_TO_VOLUME_RATIO("2PR5", "Surface to volume ratio", s -> s.area / s.volume),
    COMPACTNESS_1("SKGS", "Compactness 1", s -> s.volume / (Math.sqrt(Math.PI) * Math.pow(s.area, 1.5))),
    COMPACTNESS_2("BQWJ", "Compactness 2", s -> 36 * Math.PI * s.volume * s.volume / Math.pow(s.area, 3)),
    SPHERICAL_DISPROPORTION("KRCK", "Spherical disproportion",
            s -> s.area / Math.cbrt(36 * Math.PI * s.volume * s.volume)),
    SPHERICITY("QCFX", "Sphericity", s -> Math.cbrt(36 * Math.PI * s.volume * s.volume) / s.area),
    ASPHERICITY("25C7", "Asphericity",
            s -> Math.cbrt(Math.pow(s.area, 3) / (36 * Math.PI * s.volume * s.volume)) - 1),
    CENTRE_OF_MASS_SHIFT("KLMA", "Centre of mass shift", s -> s.centreOfMassShift),
    MAXIMUM_3D_DIAMETER("L0JK", "Maximum 3D diameter", s -> s.maxDiameter),
    MAJOR_AXIS_LENGTH("TDIC", "Major axis length", s -> 4 * Math.sqrt(s.eigen[2])),
    MINOR_AXIS_LENGTH("P9VJ", "Minor axis length", s -> 4 * Math.sqrt(s.eigen[1])),
    LEAST_AXIS_LENGTH("7J51", "Least axis length", s -> 4 * Math.sqrt(s.eigen[0])),
    ELONGATION("Q3CK", "Elongation", s -> Math.sqrt(s.eigen[1] / s.eigen[2])),
    FLATNESS("N17B", "Flatness", s -> Math.sqrt(s.eigen[0] / s.eigen[2])),
    VOLUME_DENSITY_AABB("PBX1", "Volume density (AABB)", s -> s.volume / s.aabb[0]),
    AREA_DENSITY_AABB("R59B", "Area density (AABB)", s -> s.area / s.aabb[1]),
    VOLUME_DENSITY_OMBB("ZH1A", "Volume density (OMBB)", s -> s.volume / s.ombb[0]),
    AREA_DENSITY_OMBB("IQYR", "Area density (OMBB)", s -> s.area / s.ombb[1]),
    VOLUME_DENSITY_AEE("6BDE", "Volume density (AEE)", s -> {
        double a = 2 * Math.sqrt(s.eigen[2]), b = 2 * Math.sqrt(s.eigen[1]), c = 2 * Math.sqrt(s.eigen[0]);
        return 3 * s.volume / (4 * Math.PI * a * b * c);
    }),
    AREA_DENSITY_AEE("RDD2", "Area density (AEE)", s -> s.area / Ellipsoids.area(2 * Math.sqrt(s.eigen[2]),
            2 * Math.sqrt(s.eigen[1]), 2 * Math.sqrt(s.eigen[0]))),
    VOLUME_DENSITY_MVEE("SWZ1", "Volume density (MVEE)",
            s -> 3 * s.volume / (4 * Math.PI * s.mvee[0] * s.mvee[1] * s.mvee[2])),
    AREA_DENSITY_MVEE("BRI8", "Area density (MVEE)", s -> s.area / Ellipsoids.area(s.mvee[0], s.mvee[1], s.mvee[2])),
    VOLUME_DENSITY_CONVEX_HULL("R3ER", "Volume density (convex hull)", s -> s.volume / s.hull.volume()),
    AREA_DENSITY_CONVEX_HULL("7T7F", "Area density (convex hull)", s -> s.area / s.hull.area()),
    INTEGRATED_INTENSITY("99N0", "Integrated intensity", s -> s.volume * s.meanIntensity),
    MORANS_I("N365", "Moran's I index", s -> s.moranGeary[0]),
    GEARYS_C("NPT7", "Geary's C measure", s -> s.moranGeary[1]);

    private final String code;
    private final String name;
    private final ToDoubleFunction<Shape> formula;

    MorphologyFeature(String code, String name, ToDoubleFunction<Shape> formula) {
        this.code = code;
        this.name = name;
        this.formula = formula;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.MORPHOLOGY; }

    public double compute(Shape s) { return formula.applyAsDouble(s); }

    /** Everything the formulas need, computed once per ROI by {@link Morphology}. */
    public static final class Shape {
        double volume, voxelVolume, area, centreOfMassShift, maxDiameter, meanIntensity;
        double[] eigen; // ascending
        double[] aabb, ombb, mvee, moranGeary;
        ConvexHull hull;
    }
}

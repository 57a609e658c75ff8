package io.delineo.radiomics.features.intensity;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;
import io.delineo.radiomics.processing.PreparedRoi;

import java.util.ArrayList;
import java.util.List;

/**
 * IBSI local intensity features (section 9ST6): mean intensity in a 1 cm&sup3; sphere (radius (3/(4&pi;))^(1/3) cm)
 * around a centre voxel, using every image voxel whose centre lies within the radius (inside the ROI or not).
 */
public enum LocalIntensity implements FeatureDefinition {
    LOCAL_PEAK("VJGA", "Local intensity peak"),
    GLOBAL_PEAK("0F91", "Global intensity peak");

    /** Sphere radius in mm. */
    public static final double RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));

    private final String code;
    private final String name;

    LocalIntensity(String code, String name) {
        this.code = code;
        this.name = name;
    }

    @Override public String ibsiCode() { return code; }

    @Override public String displayName() { return name; }

    @Override public FeatureFamily family() { return FeatureFamily.LOCAL_INTENSITY; }

    /** {local peak, global peak} of {@code image} on the ROI box. */
    public static double[] compute(PreparedRoi roi, float[] image) {
        List<int[]> offsets = new ArrayList<>();
        int rx = (int) Math.floor(RADIUS_MM / roi.sx), ry = (int) Math.floor(RADIUS_MM / roi.sy);
        int rz = (int) Math.floor(RADIUS_MM / roi.sz);
        double r2 = RADIUS_MM * RADIUS_MM * (1 + 1e-12);
        for (int dz = -rz; dz <= rz; dz++) for (int dy = -ry; dy <= ry; dy++) for (int dx = -rx; dx <= rx; dx++) {
            double d2 = dx * dx * roi.sx * roi.sx + dy * dy * roi.sy * roi.sy + dz * dz * roi.sz * roi.sz;
            if (d2 <= r2) offsets.add(new int[]{dx, dy, dz});
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < image.length; i++) if (roi.intensityMask[i]) max = Math.max(max, image[i]);
        double local = Double.NEGATIVE_INFINITY, global = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < roi.nz; z++) for (int y = 0; y < roi.ny; y++) for (int x = 0; x < roi.nx; x++) {
            int i = roi.index(x, y, z);
            if (!roi.intensityMask[i]) continue;
            double sum = 0;
            int n = 0;
            for (int[] o : offsets) {
                int xx = x + o[0], yy = y + o[1], zz = z + o[2];
                if (xx < 0 || yy < 0 || zz < 0 || xx >= roi.nx || yy >= roi.ny || zz >= roi.nz) continue;
                sum += image[roi.index(xx, yy, zz)];
                n++;
            }
            double mean = sum / n;
            global = Math.max(global, mean);
            if (image[i] == max) local = Math.max(local, mean);
        }
        return new double[]{local, global};
    }
}

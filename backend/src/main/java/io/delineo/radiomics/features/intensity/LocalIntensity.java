package io.delineo.radiomics.features.intensity;

import io.delineo.radiomics.FeatureDefinition;
import io.delineo.radiomics.FeatureFamily;
import io.delineo.radiomics.processing.PreparedRoi;


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

    /**
     * {local peak, global peak} of {@code image} on the ROI box. The sphere is decomposed into chords along x, each
     * summed in O(1) from per-row prefix sums; voxels outside the box are outside the image (the box is either
     * clipped at the image border or extends at least one radius beyond the ROI) and are not counted.
     */
    public static double[] compute(PreparedRoi roi, float[] image) {
        int rx = (int) Math.floor(RADIUS_MM / roi.sx), ry = (int) Math.floor(RADIUS_MM / roi.sy);
        int rz = (int) Math.floor(RADIUS_MM / roi.sz);
        double r2 = RADIUS_MM * RADIUS_MM * (1 + 1e-12);
        java.util.List<int[]> chords = new java.util.ArrayList<>(); // {dy, dz, half-width in x}
        for (int dz = -rz; dz <= rz; dz++) for (int dy = -ry; dy <= ry; dy++) {
            double rest = r2 - dy * dy * roi.sy * roi.sy - dz * dz * roi.sz * roi.sz;
            if (rest < 0) continue;
            int hw = Math.min(rx, (int) Math.floor(Math.sqrt(rest) / roi.sx + 1e-9));
            while ((hw + 1) * (hw + 1) * roi.sx * roi.sx <= rest) hw++; // guard against rounding
            while (hw > 0 && hw * hw * roi.sx * roi.sx > rest) hw--;
            chords.add(new int[]{dy, dz, hw});
        }
        int nx = roi.nx, ny = roi.ny, nz = roi.nz, w = nx + 1;
        double[] prefix = new double[w * ny * nz];
        for (int row = 0; row < ny * nz; row++) {
            double s = 0;
            for (int x = 0; x < nx; x++) {
                s += image[x + nx * row];
                prefix[row * w + x + 1] = s;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < image.length; i++) if (roi.intensityMask[i]) max = Math.max(max, image[i]);
        double local = Double.NEGATIVE_INFINITY, global = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
            int i = roi.index(x, y, z);
            if (!roi.intensityMask[i]) continue;
            double sum = 0;
            int n = 0;
            for (int[] c : chords) {
                int yy = y + c[0], zz = z + c[1];
                if (yy < 0 || zz < 0 || yy >= ny || zz >= nz) continue;
                int a = Math.max(0, x - c[2]), b = Math.min(nx - 1, x + c[2]);
                int row = (yy + ny * zz) * w;
                sum += prefix[row + b + 1] - prefix[row + a];
                n += b - a + 1;
            }
            double mean = sum / n;
            global = Math.max(global, mean);
            if (image[i] == max) local = Math.max(local, mean);
        }
        return new double[]{local, global};
    }
}

package io.delineo.grading.demo;

import io.delineo.grading.model.Grade;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.util.Random;

/**
 * Generates SYNTHETIC portal-venous CT-like lesion volumes for demo models. No patient data: every voxel comes from
 * the generative model below, whose grade dependence is invented to look plausible, not measured.
 *
 * <p>Scene: 80 x 80 x 32 voxels of 0.7 x 0.7 x 2.0 mm. Retroperitoneal fat (-90 HU) with a pancreas-like slab of
 * parenchyma (105 HU) 30 mm thick crossing the field; a lesion at the centre. Lesion per grade (mean, SD of the
 * normal draws): diameter G1 16 (4), G2 22 (6), G3 28 (7) mm, clipped to 8..40 mm, axes scaled by 0.75..1 each;
 * mean enhancement G1 150 (20), G2 125 (20), G3 100 (20) HU; internal heterogeneity (SD of spatially correlated
 * noise) G1 10 (3), G2 18 (5), G3 26 (6) HU; margin lobulation amplitude G1 0.03, G2 0.08, G3 0.14 of the radius
 * (three random cosine lobes); central necrosis (30 HU, 35 % of the radius) with probability G1 0, G2 0.15, G3 0.5.
 * Then scanner noise of SD 12 HU on every voxel, independent of grade. The mask is the lesion surface itself.
 * Deterministic: case {@code n} of a cohort with seed {@code s} uses {@code new Random(s * 1_000_003 + n)}.
 */
public final class SyntheticPnenGenerator {
    public static final int NX = 80, NY = 80, NZ = 32;
    public static final double SX = 0.7, SY = 0.7, SZ = 2.0;

    private SyntheticPnenGenerator() { }

    public static SyntheticLesion generate(String caseId, Grade grade, long seed, int n) {
        Random rnd = new Random(seed * 1_000_003L + n);
        int g = grade.ordinal();
        double diameter = clamp(draw(rnd, new double[]{16, 22, 28}[g], new double[]{4, 6, 7}[g]), 8, 40);
        double enhancement = draw(rnd, new double[]{150, 125, 100}[g], 20);
        double heterogeneity = Math.max(2, draw(rnd, new double[]{10, 18, 26}[g], new double[]{3, 5, 6}[g]));
        double lobulation = new double[]{0.03, 0.08, 0.14}[g];
        boolean necrosis = rnd.nextDouble() < new double[]{0, 0.15, 0.5}[g];
        double[] radii = {diameter / 2, diameter / 2 * (0.75 + 0.25 * rnd.nextDouble()),
                diameter / 2 * (0.75 + 0.25 * rnd.nextDouble())};
        double[][] lobes = new double[3][4]; // direction (3) and phase of each lobe
        for (double[] l : lobes) {
            double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            for (int a = 0; a < 3; a++) l[a] = v[a] / norm;
            l[3] = rnd.nextDouble() * 2 * Math.PI;
        }
        double slabTilt = (rnd.nextDouble() - 0.5) * 0.6;

        ImageGrid grid = ImageGrid.axial(NX, NY, NZ, SX, SY, SZ);
        float[] texture = correlatedNoise(rnd, 2);
        float[] hu = new float[grid.size()];
        BitMask mask = new BitMask(grid);
        double cx = (NX - 1) / 2.0 * SX, cy = (NY - 1) / 2.0 * SY, cz = (NZ - 1) / 2.0 * SZ;
        for (int k = 0; k < NZ; k++) for (int j = 0; j < NY; j++) for (int i = 0; i < NX; i++) {
            int idx = grid.index(i, j, k);
            double x = i * SX - cx, y = j * SY - cy, z = k * SZ - cz;
            double slab = Math.abs(y - slabTilt * x) < 15 ? 105 : -90;
            double e = Math.sqrt(x * x / (radii[0] * radii[0]) + y * y / (radii[1] * radii[1]) + z * z / (radii[2] * radii[2]));
            double r = Math.sqrt(x * x + y * y + z * z);
            double bump = 0;
            if (r > 0 && Math.abs(e - 1) < 0.5) { // lobes can move the surface by at most 0.14 x 3 / 3 of e
                for (double[] l : lobes) bump += Math.cos(3 * Math.acos((x * l[0] + y * l[1] + z * l[2]) / r) + l[3]);
            }
            double value;
            if (e <= 1 + lobulation * bump / 3) {
                mask.set(idx);
                value = necrosis && e < 0.35 ? 30 : enhancement + heterogeneity * texture[idx];
            } else {
                value = slab;
            }
            hu[idx] = (float) (value + 12 * rnd.nextGaussian());
        }
        return new SyntheticLesion(caseId, grade, new Volume(grid, hu), mask, diameter, enhancement, heterogeneity, necrosis);
    }

    /** Unit-variance noise smoothed by {@code passes} separable 3-tap box filters (correlation of a few voxels). */
    static float[] correlatedNoise(Random rnd, int passes) {
        int n = NX * NY * NZ;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = rnd.nextGaussian();
        double[] b = new double[n];
        int[] strides = {1, NX, NX * NY};
        int[] dims = {NX, NY, NZ};
        for (int p = 0; p < passes; p++) {
            for (int axis = 0; axis < 3; axis++) {
                int st = strides[axis], dim = dims[axis];
                for (int i = 0; i < n; i++) {
                    int pos = (i / st) % dim;
                    double s = a[i], c = 1;
                    if (pos > 0) { s += a[i - st]; c++; }
                    if (pos < dim - 1) { s += a[i + st]; c++; }
                    b[i] = s / c;
                }
                double[] t = a; a = b; b = t;
            }
        }
        double sum = 0, ss = 0;
        for (double v : a) { sum += v; ss += v * v; }
        double mean = sum / n, sd = Math.sqrt(ss / n - mean * mean);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) ((a[i] - mean) / sd);
        return out;
    }

    private static double draw(Random rnd, double mean, double sd) { return mean + sd * rnd.nextGaussian(); }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}

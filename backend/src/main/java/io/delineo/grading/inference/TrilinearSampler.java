package io.delineo.grading.inference;

import io.delineo.imaging.ImageGrid;

import java.util.function.IntToDoubleFunction;

/**
 * Trilinear interpolation of voxel values at patient positions (LPS mm). A point whose continuous voxel index lies
 * within half a voxel of the grid (inside the volume's physical extent) is interpolated, with the index clamped to
 * the outermost voxel centres (edge voxels extend to the volume border); anything farther out gets {@code outside}.
 */
final class TrilinearSampler {
    private final ImageGrid grid;
    private final IntToDoubleFunction voxel;
    private final double outside;
    private final int nx, ny, nz;

    TrilinearSampler(ImageGrid grid, IntToDoubleFunction voxel, double outside) {
        this.grid = grid;
        this.voxel = voxel;
        this.outside = outside;
        this.nx = grid.nx();
        this.ny = grid.ny();
        this.nz = grid.nz();
    }

    ImageGrid grid() { return grid; }

    /** Value at continuous voxel index (ci, cj, ck). */
    double atIndex(double ci, double cj, double ck) {
        if (ci < -0.5 || cj < -0.5 || ck < -0.5 || ci > nx - 0.5 || cj > ny - 0.5 || ck > nz - 0.5) return outside;
        ci = clamp(ci, nx);
        cj = clamp(cj, ny);
        ck = clamp(ck, nz);
        int i0 = lower(ci, nx), j0 = lower(cj, ny), k0 = lower(ck, nz);
        double fx = ci - i0, fy = cj - j0, fz = ck - k0;
        int i1 = Math.min(i0 + 1, nx - 1), j1 = Math.min(j0 + 1, ny - 1), k1 = Math.min(k0 + 1, nz - 1);
        double c00 = lerp(v(i0, j0, k0), v(i1, j0, k0), fx), c10 = lerp(v(i0, j1, k0), v(i1, j1, k0), fx);
        double c01 = lerp(v(i0, j0, k1), v(i1, j0, k1), fx), c11 = lerp(v(i0, j1, k1), v(i1, j1, k1), fx);
        return lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
    }

    private double v(int i, int j, int k) { return voxel.applyAsDouble(i + nx * (j + ny * k)); }

    private static double clamp(double c, int n) { return Math.max(0, Math.min(n - 1, c)); }

    /** Lower corner of the interpolation cell; the last cell when c sits on the last voxel centre. */
    private static int lower(double c, int n) { return n == 1 ? 0 : Math.min((int) Math.floor(c), n - 2); }

    private static double lerp(double a, double b, double f) { return f == 0 ? a : a + (b - a) * f; }
}

package io.delineo.radiomics.processing;

import io.delineo.radiomics.settings.Interpolation;

/**
 * Point sampling of a 3-D float image at continuous grid coordinates with nearest-boundary padding (IBSI), by
 * nearest neighbour, (bi/tri)linear or cubic B-spline interpolation. Axes flagged {@code fixedAxis} are only sampled
 * at whole coordinates (2-D, in-plane interpolation).
 */
final class SampledImage {
    private final float[] data;
    private final int nx, ny, nz;
    private final Interpolation kind;
    private final double[] coefficients; // B-spline coefficients (TRICUBIC only) on a sub-box
    private final int bx0, by0, bz0, bnx, bny, bnz;
    private final boolean zFixed;

    SampledImage(float[] data, int nx, int ny, int nz, Interpolation kind, int[] box, boolean zFixed) {
        this.data = data;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.kind = kind;
        this.zFixed = zFixed;
        if (kind == Interpolation.TRICUBIC) {
            // the spline pre-filter is recursive along whole lines; a margin of 24 voxels makes the truncation
            // error (pole^24 ~ 1e-14) negligible
            int m = 24;
            bx0 = Math.max(0, box[0] - m);
            by0 = Math.max(0, box[1] - m);
            bz0 = zFixed ? box[2] : Math.max(0, box[2] - m);
            int bx1 = Math.min(nx - 1, box[3] + m), by1 = Math.min(ny - 1, box[4] + m);
            int bz1 = zFixed ? box[5] : Math.min(nz - 1, box[5] + m);
            bnx = bx1 - bx0 + 1;
            bny = by1 - by0 + 1;
            bnz = bz1 - bz0 + 1;
            coefficients = new double[bnx * bny * bnz];
            for (int z = 0; z < bnz; z++) {
                for (int y = 0; y < bny; y++) {
                    for (int x = 0; x < bnx; x++) {
                        coefficients[x + bnx * (y + bny * z)] = data[(bx0 + x) + nx * ((by0 + y) + ny * (bz0 + z))];
                    }
                }
            }
            BSpline.prefilter(coefficients, bnx, bny, bnz, !zFixed);
        } else {
            coefficients = null;
            bx0 = by0 = bz0 = bnx = bny = bnz = 0;
        }
    }

    double sample(double x, double y, double z) {
        switch (kind) {
            case NEAREST: {
                int i = clamp((int) Math.floor(x + 0.5), nx), j = clamp((int) Math.floor(y + 0.5), ny);
                int k = clamp((int) Math.floor(z + 0.5), nz);
                return data[i + nx * (j + ny * k)];
            }
            case LINEAR:
                return linear(x, y, z);
            default:
                return cubic(x, y, z);
        }
    }

    private double linear(double x, double y, double z) {
        int i0 = (int) Math.floor(x), j0 = (int) Math.floor(y), k0 = (int) Math.floor(z);
        double fx = x - i0, fy = y - j0, fz = z - k0;
        int i1 = clamp(i0 + 1, nx), j1 = clamp(j0 + 1, ny), k1 = clamp(k0 + 1, nz);
        i0 = clamp(i0, nx);
        j0 = clamp(j0, ny);
        k0 = clamp(k0, nz);
        double c00 = at(i0, j0, k0) * (1 - fx) + at(i1, j0, k0) * fx;
        double c10 = at(i0, j1, k0) * (1 - fx) + at(i1, j1, k0) * fx;
        double c0 = c00 * (1 - fy) + c10 * fy;
        if (fz == 0) return c0;
        double c01 = at(i0, j0, k1) * (1 - fx) + at(i1, j0, k1) * fx;
        double c11 = at(i0, j1, k1) * (1 - fx) + at(i1, j1, k1) * fx;
        double c1 = c01 * (1 - fy) + c11 * fy;
        return c0 * (1 - fz) + c1 * fz;
    }

    private double cubic(double x, double y, double z) {
        // coordinates relative to the coefficient box; outside the image, pad with the boundary (clamp)
        x = Math.max(0, Math.min(nx - 1, x)) - bx0;
        y = Math.max(0, Math.min(ny - 1, y)) - by0;
        z = Math.max(0, Math.min(nz - 1, z)) - bz0;
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y), iz = (int) Math.floor(z);
        double[] wx = BSpline.weights(x - ix), wy = BSpline.weights(y - iy);
        // in 2-D mode z is a whole slice index and the coefficients are not filtered along z
        boolean zExact = zFixed || bnz == 1;
        double[] wz = zExact ? null : BSpline.weights(z - iz);
        double sum = 0;
        int kFrom = zExact ? 0 : -1, kTo = zExact ? 0 : 2;
        for (int dk = kFrom; dk <= kTo; dk++) {
            int kk = mirror(iz + dk, bnz);
            double wzk = zExact ? 1 : wz[dk + 1];
            for (int dj = -1; dj <= 2; dj++) {
                int jj = mirror(iy + dj, bny);
                double row = 0;
                int base = bnx * (jj + bny * kk);
                for (int di = -1; di <= 2; di++) row += wx[di + 1] * coefficients[base + mirror(ix + di, bnx)];
                sum += wzk * wy[dj + 1] * row;
            }
        }
        return sum;
    }

    private double at(int i, int j, int k) { return data[i + nx * (j + ny * k)]; }

    private static int clamp(int i, int n) { return i < 0 ? 0 : (i >= n ? n - 1 : i); }

    /** Whole-sample symmetric mirror (..., 2, 1, 0, 1, 2, ...), the B-spline boundary condition. */
    static int mirror(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        i = Math.floorMod(i, period);
        return i < n ? i : period - i;
    }
}

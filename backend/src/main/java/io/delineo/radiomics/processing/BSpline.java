package io.delineo.radiomics.processing;

/** Cubic B-spline interpolation helpers (Unser's recursive pre-filter, mirror boundaries). */
final class BSpline {
    private static final double POLE = Math.sqrt(3) - 2;

    private BSpline() { }

    /** Weights of the four coefficients at offsets -1, 0, 1, 2 for fractional position t in [0, 1). */
    static double[] weights(double t) {
        double t2 = t * t, t3 = t2 * t, u = 1 - t;
        return new double[]{u * u * u / 6, (3 * t3 - 6 * t2 + 4) / 6, (-3 * t3 + 3 * t2 + 3 * t + 1) / 6, t3 / 6};
    }

    /** Turns samples into B-spline coefficients in place, along x and y (and z when {@code alongZ}). */
    static void prefilter(double[] c, int nx, int ny, int nz, boolean alongZ) {
        double[] line = new double[Math.max(nx, Math.max(ny, nz))];
        for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) {
            int base = nx * (y + ny * z);
            for (int x = 0; x < nx; x++) line[x] = c[base + x];
            filterLine(line, nx);
            for (int x = 0; x < nx; x++) c[base + x] = line[x];
        }
        for (int z = 0; z < nz; z++) for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) line[y] = c[x + nx * (y + ny * z)];
            filterLine(line, ny);
            for (int y = 0; y < ny; y++) c[x + nx * (y + ny * z)] = line[y];
        }
        if (alongZ) {
            for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
                for (int z = 0; z < nz; z++) line[z] = c[x + nx * (y + ny * z)];
                filterLine(line, nz);
                for (int z = 0; z < nz; z++) c[x + nx * (y + ny * z)] = line[z];
            }
        }
    }

    private static void filterLine(double[] s, int n) {
        if (n < 2) return;
        double gain = (1 - POLE) * (1 - 1 / POLE);
        for (int i = 0; i < n; i++) s[i] *= gain;
        s[0] = causalInit(s, n);
        for (int i = 1; i < n; i++) s[i] += POLE * s[i - 1];
        s[n - 1] = (POLE / (POLE * POLE - 1)) * (POLE * s[n - 2] + s[n - 1]);
        for (int i = n - 2; i >= 0; i--) s[i] = POLE * (s[i + 1] - s[i]);
    }

    /** Initial causal coefficient for mirror boundaries (truncated sum; |pole|^k below 1e-15). */
    private static double causalInit(double[] s, int n) {
        int horizon = Math.min(n, 30);
        double zn = POLE, sum = s[0];
        for (int k = 1; k < horizon; k++) {
            sum += zn * s[k];
            zn *= POLE;
        }
        if (horizon < n) return sum;
        // short line: exact mirror-symmetric sum
        zn = POLE;
        double iz = 1 / POLE, z2n = Math.pow(POLE, n - 1);
        sum = s[0] + z2n * s[n - 1];
        z2n *= z2n * iz;
        for (int k = 1; k < n - 1; k++) {
            sum += (zn + z2n) * s[k];
            zn *= POLE;
            z2n *= iz;
        }
        return sum / (1 - zn * zn);
    }
}

package io.delineo.radiomics.features.morphology;

/**
 * Moran's I and Geary's C over all voxel pairs of the intensity mask with inverse Euclidean distance weights.
 * The all-pairs sums are convolutions with the kernel 1/|d| (d &ne; 0), evaluated exactly with zero-padded FFTs and Parseval's theorem:
 * O(N log N) instead of O(N&sup2;). {@link #direct} is the O(N&sup2;) definition, used for small ROIs and as a check.
 */
public final class SpatialAutocorrelation {
    private SpatialAutocorrelation() { }

    /** {Moran's I, Geary's C} for voxel values {@code v} (mask {@code m}) on a box with spacing (sx, sy, sz). */
    public static double[] compute(float[] v, boolean[] m, int nx, int ny, int nz, double sx, double sy, double sz) {
        int count = 0;
        for (boolean b : m) if (b) count++;
        if (count < 2) return new double[]{Double.NaN, Double.NaN};
        if (count <= 3000) return direct(v, m, nx, ny, nz, sx, sy, sz);
        if (fftSize(m, nx, ny, nz) <= MAX_FFT_POINTS) return viaFft(v, m, nx, ny, nz, sx, sy, sz);
        return subsampled(v, m, nx, ny, nz, sx, sy, sz);
    }

    /** Above this padded size (4 arrays of doubles, ~0.5 GB) the exact FFT route is replaced by subsampling. */
    static final long MAX_FFT_POINTS = 16_000_000L;
    /** Subsampling (IBSI's suggestion for very large ROIs): repetitions of the exact sums on random voxel subsets. */
    static final int SUBSAMPLE_SIZE = 4000, SUBSAMPLE_REPEATS = 8;

    static long fftSize(boolean[] m, int nx, int ny, int nz) {
        int x0 = nx, y0 = ny, z0 = nz, x1 = -1, y1 = -1, z1 = -1;
        for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
            if (!m[x + nx * (y + ny * z)]) continue;
            x0 = Math.min(x0, x); y0 = Math.min(y0, y); z0 = Math.min(z0, z);
            x1 = Math.max(x1, x); y1 = Math.max(y1, y); z1 = Math.max(z1, z);
        }
        return (long) Fft.goodSize(2 * (x1 - x0) + 1) * Fft.goodSize(2 * (y1 - y0) + 1) * Fft.goodSize(2 * (z1 - z0) + 1);
    }

    /** Mean of Moran's I and Geary's C over seeded random subsets (deterministic, approximate). */
    static double[] subsampled(float[] v, boolean[] m, int nx, int ny, int nz, double sx, double sy, double sz) {
        int count = 0;
        for (boolean b : m) if (b) count++;
        int[] idx = new int[count];
        int k = 0;
        for (int i = 0; i < m.length; i++) if (m[i]) idx[k++] = i;
        java.util.Random r = new java.util.Random(20261127L);
        double moran = 0, geary = 0;
        for (int rep = 0; rep < SUBSAMPLE_REPEATS; rep++) {
            boolean[] sub = new boolean[m.length];
            for (int s = 0; s < SUBSAMPLE_SIZE; s++) sub[idx[r.nextInt(count)]] = true;
            double[] res = direct(v, sub, nx, ny, nz, sx, sy, sz);
            moran += res[0] / SUBSAMPLE_REPEATS;
            geary += res[1] / SUBSAMPLE_REPEATS;
        }
        return new double[]{moran, geary};
    }

    public static double[] direct(float[] v, boolean[] m, int nx, int ny, int nz, double sx, double sy, double sz) {
        int count = 0;
        double sum = 0;
        for (int i = 0; i < m.length; i++) if (m[i]) { count++; sum += v[i]; }
        double mean = sum / count;
        double[] x = new double[count], y = new double[count], z = new double[count], c = new double[count];
        int k = 0;
        for (int zz = 0; zz < nz; zz++) for (int yy = 0; yy < ny; yy++) for (int xx = 0; xx < nx; xx++) {
            int i = xx + nx * (yy + ny * zz);
            if (!m[i]) continue;
            x[k] = xx * sx;
            y[k] = yy * sy;
            z[k] = zz * sz;
            c[k++] = v[i] - mean;
        }
        double w = 0, moran = 0, geary = 0, ss = 0;
        for (int a = 0; a < count; a++) {
            ss += c[a] * c[a];
            for (int b = a + 1; b < count; b++) {
                double dx = x[a] - x[b], dy = y[a] - y[b], dz = z[a] - z[b];
                double wt = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                w += 2 * wt;
                moran += 2 * wt * c[a] * c[b];
                geary += 2 * wt * (c[a] - c[b]) * (c[a] - c[b]);
            }
        }
        return finish(count, w, moran, geary, ss);
    }

    private static double[] finish(int n, double w, double moranSum, double gearySum, double ss) {
        if (ss == 0) return new double[]{Double.NaN, Double.NaN};
        return new double[]{n / w * moranSum / ss, (n - 1) / (2 * w) * gearySum / ss};
    }

    static double[] viaFft(float[] v, boolean[] m, int nx, int ny, int nz, double sx, double sy, double sz) {
        int x0 = nx, y0 = ny, z0 = nz, x1 = -1, y1 = -1, z1 = -1, count = 0;
        double sum = 0;
        for (int zz = 0; zz < nz; zz++) for (int yy = 0; yy < ny; yy++) for (int xx = 0; xx < nx; xx++) {
            int i = xx + nx * (yy + ny * zz);
            if (!m[i]) continue;
            x0 = Math.min(x0, xx); y0 = Math.min(y0, yy); z0 = Math.min(z0, zz);
            x1 = Math.max(x1, xx); y1 = Math.max(y1, yy); z1 = Math.max(z1, zz);
            count++;
            sum += v[i];
        }
        double mean = sum / count;
        int bx = x1 - x0 + 1, by = y1 - y0 + 1, bz = z1 - z0 + 1;
        int lx = Fft.goodSize(2 * bx - 1), ly = Fft.goodSize(2 * by - 1), lz = Fft.goodSize(2 * bz - 1);
        long total = (long) lx * ly * lz;
        int n = (int) total;
        // two packed forward transforms: (mask + i * centred values) and (kernel + i * squared centred values);
        // all sums are then inner products in frequency space (Parseval), so no inverse transform is needed
        double[] re = new double[n], im = new double[n], kr = new double[n], ki = new double[n];
        double ss = 0;
        for (int zz = 0; zz < bz; zz++) for (int yy = 0; yy < by; yy++) for (int xx = 0; xx < bx; xx++) {
            int i = (x0 + xx) + nx * ((y0 + yy) + ny * (z0 + zz));
            if (!m[i]) continue;
            int j = xx + lx * (yy + ly * zz);
            double c = v[i] - mean;
            re[j] = 1;
            im[j] = c;
            ki[j] = c * c;
            ss += c * c;
        }
        for (int dz = -(bz - 1); dz <= bz - 1; dz++) for (int dy = -(by - 1); dy <= by - 1; dy++) {
            for (int dx = -(bx - 1); dx <= bx - 1; dx++) {
                if (dx == 0 && dy == 0 && dz == 0) continue;
                double d = Math.sqrt(dx * dx * sx * sx + dy * dy * sy * sy + dz * dz * sz * sz);
                int j = Math.floorMod(dx, lx) + lx * (Math.floorMod(dy, ly) + ly * Math.floorMod(dz, lz));
                kr[j] = 1 / d;
            }
        }
        Fft.transform3d(re, im, lx, ly, lz, false, by, bz); // the data occupy the first by x bz lines only
        Fft.transform3d(kr, ki, lx, ly, lz, false);
        double w = 0, moran = 0, cr2 = 0;
        for (int z = 0; z < lz; z++) {
            int zm = (lz - z) % lz;
            for (int y = 0; y < ly; y++) {
                int ym = (ly - y) % ly;
                for (int x = 0; x < lx; x++) {
                    int j = x + lx * (y + ly * z), jm = (lx - x) % lx + lx * (ym + ly * zm);
                    // unpack: A = (Z(f) + conj Z(-f)) / 2, B = (Z(f) - conj Z(-f)) / (2i)
                    double mR = 0.5 * (re[j] + re[jm]), mI = 0.5 * (im[j] - im[jm]);
                    double cR = 0.5 * (im[j] + im[jm]), cI = -0.5 * (re[j] - re[jm]);
                    double kHat = 0.5 * (kr[j] + kr[jm]);
                    double qR = 0.5 * (ki[j] + ki[jm]), qI = -0.5 * (kr[j] - kr[jm]);
                    w += (mR * mR + mI * mI) * kHat;
                    moran += (cR * cR + cI * cI) * kHat;
                    cr2 += (qR * mR + qI * mI) * kHat;
                }
            }
        }
        w /= n;
        moran /= n;
        cr2 /= n;
        double geary = 2 * cr2 - 2 * moran;
        return finish(count, w, moran, geary, ss);
    }
}

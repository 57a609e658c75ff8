package io.delineo.agreement.metrics;

/**
 * Exact squared Euclidean distance transform with anisotropic spacing, in linear time: the separable lower-envelope
 * algorithm of Felzenszwalb &amp; Huttenlocher ("Distance Transforms of Sampled Functions", Theory of Computing
 * 8:415–428, 2012), one 1-D pass per axis, each pass weighting index differences by that axis' spacing.
 *
 * <p>Input: {@code f[i + nx*(j + ny*k)]} is 0 at feature voxels and {@link Double#POSITIVE_INFINITY} elsewhere.
 * Output (in place): the squared distance in mm² from each voxel centre to the nearest feature voxel centre
 * (+∞ when there is no feature). Distances are between voxel centres of this box only; a caller that wants
 * distances to features anywhere must make the box contain all of them.
 */
final class SquaredEdt {
    private SquaredEdt() {}

    static void transform(double[] f, int nx, int ny, int nz, double sx, double sy, double sz) {
        if (f.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("buffer has " + f.length + " values, box needs " + (long) nx * ny * nz);
        }
        int longest = Math.max(nx, Math.max(ny, nz));
        double[] line = new double[longest], out = new double[longest], z = new double[longest + 1];
        int[] v = new int[longest];
        double wx = sx * sx, wy = sy * sy, wz = sz * sz;
        // along i: contiguous rows
        for (int row = 0; row < ny * nz; row++) {
            int base = row * nx;
            System.arraycopy(f, base, line, 0, nx);
            envelope(line, out, nx, wx, v, z);
            System.arraycopy(out, 0, f, base, nx);
        }
        // along j: stride nx
        for (int k = 0; k < nz; k++) {
            for (int i = 0; i < nx; i++) {
                int base = i + nx * ny * k;
                for (int j = 0; j < ny; j++) line[j] = f[base + j * nx];
                envelope(line, out, ny, wy, v, z);
                for (int j = 0; j < ny; j++) f[base + j * nx] = out[j];
            }
        }
        // along k: stride nx*ny
        if (nz > 1) {
            int plane = nx * ny;
            for (int n = 0; n < plane; n++) {
                for (int k = 0; k < nz; k++) line[k] = f[n + k * plane];
                envelope(line, out, nz, wz, v, z);
                for (int k = 0; k < nz; k++) f[n + k * plane] = out[k];
            }
        }
    }

    /**
     * 1-D: {@code out[p] = min_q (w·(p−q)² + in[q])} over finite {@code in[q]}, via the lower envelope of the
     * parabolas rooted at each finite sample. {@code v}: envelope roots; {@code z}: boundaries between them.
     */
    static void envelope(double[] in, double[] out, int n, double w, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            double fq = in[q];
            if (fq == Double.POSITIVE_INFINITY) continue;
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s;
            while (true) {
                int r = v[k];
                // abscissa where the parabola of q starts to lie below that of r
                s = ((fq + w * q * (double) q) - (in[r] + w * r * (double) r)) / (2 * w * (q - r));
                if (s > z[k]) break;
                k--; // z[0] is -inf, so k never drops below 0 here
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            for (int p = 0; p < n; p++) out[p] = Double.POSITIVE_INFINITY;
            return;
        }
        int e = 0;
        for (int p = 0; p < n; p++) {
            while (z[e + 1] < p) e++;
            double d = p - v[e];
            out[p] = w * d * d + in[v[e]];
        }
    }
}

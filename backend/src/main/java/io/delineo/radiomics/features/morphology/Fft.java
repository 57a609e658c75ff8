package io.delineo.radiomics.features.morphology;

/**
 * Mixed-radix (2, 3, 5) complex FFT along each axis of a 3-D array, used to evaluate the all-pairs sums of Moran's I
 * and Geary's C as convolutions.
 */
final class Fft {
    private Fft() { }

    /** Smallest n' &ge; n whose only prime factors are 2 and 3 (the fast butterflies). */
    static int goodSize(int n) {
        for (int m = Math.max(1, n); ; m++) {
            int r = m;
            for (int f : new int[]{2, 3}) while (r % f == 0) r /= f;
            if (r == 1) return m;
        }
    }

    /** In-place 3-D transform of (re, im) with dims nx, ny, nz (x fastest); inverse when {@code inverse}, unscaled. */
    static void transform3d(double[] re, double[] im, int nx, int ny, int nz, boolean inverse) {
        transform3d(re, im, nx, ny, nz, inverse, ny, nz);
    }

    /**
     * Forward/inverse 3-D transform where the input is known to be zero for y &ge; {@code usedY} or z &ge;
     * {@code usedZ} (zero padding): lines that are entirely zero are skipped in the first two passes.
     */
    static void transform3d(double[] re, double[] im, int nx, int ny, int nz, boolean inverse, int usedY, int usedZ) {
        Line lx = new Line(nx, inverse), ly = new Line(ny, inverse), lz = new Line(nz, inverse);
        for (int z = 0; z < usedZ; z++) for (int y = 0; y < usedY; y++) lx.run(re, im, nx * (y + ny * z), 1);
        for (int z = 0; z < usedZ; z++) for (int x = 0; x < nx; x++) ly.run(re, im, x + nx * ny * z, nx);
        for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) lz.run(re, im, x + nx * y, nx * ny);
    }

    /** A 1-D transform of one length, with its twiddles and scratch space. */
    static final class Line {
        final int n;
        final int[] factors;
        final double[] cos, sin;
        final double[] bufRe, bufIm;
        final int[] perm;

        Line(int n, boolean inverse) {
            this.n = n;
            int r = n, k = 0;
            int[] f = new int[32];
            for (int p : new int[]{4, 2, 3, 5}) {
                while (r % p == 0) {
                    f[k++] = p;
                    r /= p;
                }
            }
            if (r != 1) throw new IllegalArgumentException("FFT length " + n + " has prime factors other than 2, 3, 5");
            factors = java.util.Arrays.copyOf(f, k);
            cos = new double[n];
            sin = new double[n];
            double sign = inverse ? 1 : -1;
            for (int j = 0; j < n; j++) {
                cos[j] = Math.cos(2 * Math.PI * j / n);
                sin[j] = sign * Math.sin(2 * Math.PI * j / n);
            }
            perm = digitReversal();
            bufRe = new double[n];
            bufIm = new double[n];
        }

        void run(double[] re, double[] im, int offset, int stride) {
            if (n == 1) return;
            // digit-reversed load, then the radix stages in place, smallest transforms first
            for (int j = 0; j < n; j++) {
                int src = offset + perm[j] * stride;
                bufRe[j] = re[src];
                bufIm[j] = im[src];
            }
            int len = 1;
            for (int level = factors.length - 1; level >= 0; level--) {
                len *= factors[level];
                for (int off = 0; off < n; off += len) combine(bufRe, bufIm, off, len, factors[level]);
            }
            for (int j = 0; j < n; j++) {
                re[offset + j * stride] = bufRe[j];
                im[offset + j * stride] = bufIm[j];
            }
        }

        /** Input index whose value goes to position j before the stages (mixed-radix digit reversal). */
        private int[] digitReversal() {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int rest = i, pos = 0, span = n;
                for (int f : factors) {
                    span /= f;
                    pos += (rest % f) * span;
                    rest /= f;
                }
                out[pos] = i;
            }
            return out;
        }

        /** Combines p sub-transforms of length len/p at outOff into one of length len (in place). */
        private void combine(double[] outRe, double[] outIm, int outOff, int len, int p) {
            int m = len / p;
            // X[k + q m] = sum_r W_len^{r k} W_p^{r q} Y_r[k]; r k (n / len) < n, so no modulo is needed
            int twStep = n / len;
            if (p == 2) {
                for (int k = 0; k < m; k++) {
                    int i0 = outOff + k, i1 = i0 + m, tw = k * twStep;
                    double c = cos[tw], s = sin[tw];
                    double br = outRe[i1] * c - outIm[i1] * s, bi = outRe[i1] * s + outIm[i1] * c;
                    double ar = outRe[i0], ai = outIm[i0];
                    outRe[i0] = ar + br;
                    outIm[i0] = ai + bi;
                    outRe[i1] = ar - br;
                    outIm[i1] = ai - bi;
                }
                return;
            }
            if (p == 4) {
                double sg = sin[n / 4]; // +1 inverse, -1 forward: W_4 = sg * i
                for (int k = 0; k < m; k++) {
                    int i0 = outOff + k, i1 = i0 + m, i2 = i1 + m, i3 = i2 + m;
                    int t1 = k * twStep, t2 = 2 * t1, t3 = 3 * t1;
                    double y0r = outRe[i0], y0i = outIm[i0];
                    double y1r = outRe[i1] * cos[t1] - outIm[i1] * sin[t1], y1i = outRe[i1] * sin[t1] + outIm[i1] * cos[t1];
                    double y2r = outRe[i2] * cos[t2] - outIm[i2] * sin[t2], y2i = outRe[i2] * sin[t2] + outIm[i2] * cos[t2];
                    double y3r = outRe[i3] * cos[t3] - outIm[i3] * sin[t3], y3i = outRe[i3] * sin[t3] + outIm[i3] * cos[t3];
                    double aR = y0r + y2r, aI = y0i + y2i, bR = y0r - y2r, bI = y0i - y2i;
                    double cR = y1r + y3r, cI = y1i + y3i, dR = y1r - y3r, dI = y1i - y3i;
                    // w * d with w = sg * i: (-sg * dI, sg * dR)
                    double wdR = -sg * dI, wdI = sg * dR;
                    outRe[i0] = aR + cR;
                    outIm[i0] = aI + cI;
                    outRe[i1] = bR + wdR;
                    outIm[i1] = bI + wdI;
                    outRe[i2] = aR - cR;
                    outIm[i2] = aI - cI;
                    outRe[i3] = bR - wdR;
                    outIm[i3] = bI - wdI;
                }
                return;
            }
            if (p == 3) {
                double sg = sin[n / 3] > 0 ? 1 : -1; // +1 inverse, -1 forward
                double h = 0.5 * Math.sqrt(3) * sg;
                for (int k = 0; k < m; k++) {
                    int i0 = outOff + k, i1 = i0 + m, i2 = i1 + m;
                    int t1 = k * twStep, t2 = 2 * t1;
                    double y0r = outRe[i0], y0i = outIm[i0];
                    double y1r = outRe[i1] * cos[t1] - outIm[i1] * sin[t1], y1i = outRe[i1] * sin[t1] + outIm[i1] * cos[t1];
                    double y2r = outRe[i2] * cos[t2] - outIm[i2] * sin[t2], y2i = outRe[i2] * sin[t2] + outIm[i2] * cos[t2];
                    double sr = y1r + y2r, si = y1i + y2i, dr = y1r - y2r, di = y1i - y2i;
                    double mr = y0r - 0.5 * sr, mi = y0i - 0.5 * si;
                    // W_3 = -1/2 + i h: X1 = y0 - s/2 + i h d, X2 = y0 - s/2 - i h d
                    outRe[i0] = y0r + sr;
                    outIm[i0] = y0i + si;
                    outRe[i1] = mr - h * di;
                    outIm[i1] = mi + h * dr;
                    outRe[i2] = mr + h * di;
                    outIm[i2] = mi - h * dr;
                }
                return;
            }
            int np = n / p;
            for (int k = 0; k < m; k++) {
                for (int r = 0; r < p; r++) {
                    int idx = outOff + r * m + k;
                    int tw = r * k * twStep;
                    double c = cos[tw], s = sin[tw];
                    double a = outRe[idx], b = outIm[idx];
                    yr[r] = a * c - b * s;
                    yi[r] = a * s + b * c;
                }
                for (int q = 0; q < p; q++) {
                    double sr = 0, si = 0;
                    for (int r = 0; r < p; r++) {
                        int tw = (r * q % p) * np;
                        double c = cos[tw], s = sin[tw];
                        sr += yr[r] * c - yi[r] * s;
                        si += yr[r] * s + yi[r] * c;
                    }
                    outRe[outOff + k + q * m] = sr;
                    outIm[outOff + k + q * m] = si;
                }
            }
        }

        private final double[] yr = new double[8], yi = new double[8];
    }
}

package io.delineo.radiomics.processing;

/**
 * 3-D Laplacian of Gaussian with the scale given in millimetres, so anisotropic voxels are handled: per axis the
 * Gaussian has {@code sigma_vox = sigmaMm / spacing}. Kernels are sampled Gaussians (normalised to sum 1) and their
 * second derivatives, truncated at {@link #TRUNCATE} &sigma; (radius {@code floor(TRUNCATE * sigma_vox + 0.5)}),
 * with half-sample symmetric mirror boundaries ({@code d c b a | a b c d | d c b a}) - the same discretisation as
 * scipy.ndimage.gaussian_laplace. The response is expressed per mm&sup2; and scale-normalised by &sigma;&sup2;
 * (mm&sup2;), i.e. {@code sigma^2 * (d2/dx2 + d2/dy2 + d2/dz2)(G * I)}, so values are comparable across scales.
 */
public final class LaplacianOfGaussian {
    public static final double TRUNCATE = 4.0;

    private LaplacianOfGaussian() { }

    /** Kernel radius in voxels along an axis with this spacing. */
    public static int radius(double sigmaMm, double spacingMm) {
        return (int) (TRUNCATE * sigmaMm / spacingMm + 0.5);
    }

    public static float[] apply(float[] img, int nx, int ny, int nz, double sx, double sy, double sz, double sigmaMm) {
        return apply(img, nx, ny, nz, sx, sy, sz, sigmaMm, new int[]{0, 0, 0, nx - 1, ny - 1, nz - 1});
    }

    /**
     * As {@link #apply(float[], int, int, int, double, double, double, double)}, but the response is only computed
     * inside {@code region} = {x0, y0, z0, x1, y1, z1} (inclusive; 0 elsewhere). Each separable pass only produces
     * what the following passes read, which saves most of the work when the box has wide kernel margins.
     */
    public static float[] apply(float[] img, int nx, int ny, int nz, double sx, double sy, double sz, double sigmaMm,
                                int[] region) {
        if (img.length != nx * ny * nz) throw new IllegalArgumentException("image size does not match dimensions");
        if (!(sigmaMm > 0)) throw new IllegalArgumentException("sigma must be positive");
        double[][] gx = kernels(sigmaMm / sx), gy = kernels(sigmaMm / sy), gz = kernels(sigmaMm / sz);
        double[] src = new double[img.length];
        for (int i = 0; i < src.length; i++) src[i] = img[i];
        int[] all = {0, 0, 0, nx - 1, ny - 1, nz - 1};
        int[] zOnly = {0, 0, region[2], nx - 1, ny - 1, region[5]};
        int[] yz = {0, region[1], region[2], nx - 1, region[4], region[5]};
        // d2/dx2: G''x Gy Gz ; d2/dy2: Gx G''y Gz ; d2/dz2: Gx Gy G''z  (shared passes where possible)
        double[] smZ = convolve(src, nx, ny, nz, 2, gz[0], zOnly);
        double[] dxx = convolve(convolve(smZ, nx, ny, nz, 1, gy[0], yz), nx, ny, nz, 0, gx[1], region);
        double[] dyy = convolve(convolve(smZ, nx, ny, nz, 1, gy[1], yz), nx, ny, nz, 0, gx[0], region);
        double[] dzz = convolve(convolve(convolve(src, nx, ny, nz, 2, gz[1], zOnly), nx, ny, nz, 1, gy[0], yz),
                nx, ny, nz, 0, gx[0], region);
        float[] out = new float[img.length];
        double s2 = sigmaMm * sigmaMm;
        for (int z = region[2]; z <= region[5]; z++) for (int y = region[1]; y <= region[4]; y++) {
            for (int x = region[0]; x <= region[3]; x++) {
                int i = x + nx * (y + ny * z);
                out[i] = (float) (s2 * (dxx[i] / (sx * sx) + dyy[i] / (sy * sy) + dzz[i] / (sz * sz)));
            }
        }
        return out;
    }

    /** {Gaussian, second derivative of Gaussian} sampled on -r..r (in voxel units). */
    static double[][] kernels(double sigma) {
        int r = (int) (TRUNCATE * sigma + 0.5);
        double[] g = new double[2 * r + 1], g2 = new double[2 * r + 1];
        double sum = 0, s2 = sigma * sigma;
        for (int i = -r; i <= r; i++) {
            g[i + r] = Math.exp(-0.5 * i * i / s2);
            sum += g[i + r];
        }
        for (int i = -r; i <= r; i++) {
            g[i + r] /= sum;
            g2[i + r] = g[i + r] * (i * (double) i / (s2 * s2) - 1 / s2);
        }
        return new double[][]{g, g2};
    }

    /** 1-D convolution along {@code axis}, outputs only inside {@code box} = {x0, y0, z0, x1, y1, z1}. */
    private static double[] convolve(double[] in, int nx, int ny, int nz, int axis, double[] k, int[] box) {
        double[] out = new double[in.length];
        int r = k.length / 2;
        int n = axis == 0 ? nx : (axis == 1 ? ny : nz);
        int stride = axis == 0 ? 1 : (axis == 1 ? nx : nx * ny);
        int[] idx = new int[n + 2 * r];
        for (int t = -r; t < n + r; t++) idx[t + r] = reflect(t, n);
        double[] line = new double[n + 2 * r], acc = new double[n];
        int from = box[axis], to = box[axis + 3];
        for (int z = axis == 2 ? 0 : box[2]; z <= (axis == 2 ? 0 : box[5]); z++) {
            for (int y = axis == 1 ? 0 : box[1]; y <= (axis == 1 ? 0 : box[4]); y++) {
                for (int x = axis == 0 ? 0 : box[0]; x <= (axis == 0 ? 0 : box[3]); x++) {
                    int base = x + nx * (y + ny * z);
                    for (int t = from; t < to + 2 * r + 1; t++) line[t] = in[base + idx[t] * stride];
                    // symmetric kernel, accumulated tap by tap so the inner loop is a vectorisable axpy
                    double kc = k[r];
                    for (int t = from; t <= to; t++) acc[t] = kc * line[t + r];
                    for (int q = 0; q < r; q++) {
                        double c = k[q];
                        int o2 = 2 * r - q;
                        for (int t = from; t <= to; t++) acc[t] += c * (line[t + q] + line[t + o2]);
                    }
                    for (int t = from; t <= to; t++) out[base + t * stride] = acc[t];
                }
            }
        }
        return out;
    }

    /** Half-sample symmetric reflection (scipy "reflect"). */
    static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * n;
        i = Math.floorMod(i, period);
        return i < n ? i : period - 1 - i;
    }
}

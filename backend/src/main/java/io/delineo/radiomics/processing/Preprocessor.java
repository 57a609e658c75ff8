package io.delineo.radiomics.processing;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.RoiMask;
import io.delineo.radiomics.settings.Dimensions;
import io.delineo.radiomics.settings.Interpolation;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.radiomics.settings.Resampling;
import io.delineo.radiomics.settings.Resegmentation;

/**
 * IBSI chapter 1 image processing up to (not including) discretisation: resampling with grid-centre alignment and
 * nearest-boundary padding, optional rounding, ROI interpolation with a partial-volume threshold, and
 * re-segmentation (range, then mean &plusmn; k&middot;SD outliers) of the intensity mask.
 * Only a box around the ROI is produced: the ROI's bounding box plus {@code marginMm} on every side (clipped to the
 * resampled grid), which must cover every neighbourhood used later (local intensity peak, filter kernels).
 */
public final class Preprocessor {
    /** Memory bound: the processed box holds a float image and two masks (about 6 bytes per voxel). */
    public static final long MAX_BOX_VOXELS = 50_000_000L;

    private Preprocessor() { }

    public static PreparedRoi prepare(Volume image, RoiMask roi, RadiomicsSettings settings, double marginMm) {
        if (image == null || roi == null || settings == null) {
            throw new IllegalArgumentException("image, ROI and settings are required");
        }
        ImageGrid g = image.grid();
        if (!g.sameGeometry(roi.grid(), 1e-3)) {
            throw new IllegalArgumentException("the ROI mask is not on the image grid (image " + g + ", mask "
                    + roi.grid() + ")");
        }
        if (roi.voxelCount() == 0) throw new IllegalArgumentException("the ROI mask is empty");
        float[] data = image.data();
        for (float v : data) {
            if (!Float.isFinite(v)) throw new IllegalArgumentException("the image contains NaN or infinite values");
        }
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int[] bb = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        for (int k = 0; k < nz; k++) for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) {
            if (roi.contains(i + nx * (j + ny * k))) {
                bb[0] = Math.min(bb[0], i); bb[1] = Math.min(bb[1], j); bb[2] = Math.min(bb[2], k);
                bb[3] = Math.max(bb[3], i); bb[4] = Math.max(bb[4], j); bb[5] = Math.max(bb[5], k);
            }
        }
        Resampling rs = settings.resampling().orElse(null);
        boolean twoD = settings.dimensions() == Dimensions.D2;
        AxisMapping ax, ay, az;
        if (rs == null) {
            ax = AxisMapping.identity(nx, g.sx());
            ay = AxisMapping.identity(ny, g.sy());
            az = AxisMapping.identity(nz, g.sz());
        } else {
            double[] sp = rs.spacingMm();
            ax = AxisMapping.alignCentres(nx, g.sx(), sp[0]);
            ay = AxisMapping.alignCentres(ny, g.sy(), sp[1]);
            if (twoD) {
                az = AxisMapping.identity(nz, g.sz());
            } else {
                if (sp.length < 3) throw new IllegalArgumentException("3D resampling needs three spacing values");
                az = AxisMapping.alignCentres(nz, g.sz(), sp[2]);
            }
        }
        AxisMapping[] axes = {ax, ay, az};
        // box in the target grid: everything the ROI can reach after interpolation, plus the margin
        int[] lo = new int[3], hi = new int[3];
        for (int a = 0; a < 3; a++) {
            AxisMapping m = axes[a];
            int marginVox = (int) Math.ceil(marginMm / m.spacingMm()) + 1;
            lo[a] = Math.max(0, m.firstAtOrAfter(bb[a] - 1) - marginVox);
            hi[a] = Math.min(m.n() - 1, m.lastAtOrBefore(bb[a + 3] + 1) + marginVox);
        }
        int bx = hi[0] - lo[0] + 1, by = hi[1] - lo[1] + 1, bz = hi[2] - lo[2] + 1;
        long boxSize = (long) bx * by * bz;
        if (boxSize > MAX_BOX_VOXELS) {
            throw new IllegalArgumentException("the region around the ROI is too large to process (" + boxSize
                    + " voxels, limit " + MAX_BOX_VOXELS + "); use coarser resampling");
        }
        int n = (int) boxSize;
        float[] img = new float[n];
        boolean[] morph = new boolean[n];
        if (rs == null) {
            for (int z = 0; z < bz; z++) for (int y = 0; y < by; y++) for (int x = 0; x < bx; x++) {
                int src = (lo[0] + x) + nx * ((lo[1] + y) + ny * (lo[2] + z));
                int dst = x + bx * (y + by * z);
                img[dst] = data[src];
                morph[dst] = roi.contains(src);
            }
        } else {
            // the original region the box samples from (for the spline coefficients)
            int[] srcBox = new int[6];
            for (int a = 0; a < 3; a++) {
                int maxA = a == 0 ? nx : (a == 1 ? ny : nz);
                srcBox[a] = Math.max(0, (int) Math.floor(axes[a].toOriginal(lo[a])) - 1);
                srcBox[a + 3] = Math.min(maxA - 1, (int) Math.ceil(axes[a].toOriginal(hi[a])) + 1);
            }
            SampledImage sampler = new SampledImage(data, nx, ny, nz, rs.interpolation(), srcBox, twoD);
            float[] maskF = new float[data.length];
            for (int i = 0; i < maskF.length; i++) maskF[i] = roi.contains(i) ? 1f : 0f;
            SampledImage maskSampler = new SampledImage(maskF, nx, ny, nz, rs.roiInterpolation(), srcBox, twoD);
            double threshold = rs.roiPartialVolume();
            for (int z = 0; z < bz; z++) {
                double oz = az.toOriginal(lo[2] + z);
                for (int y = 0; y < by; y++) {
                    double oy = ay.toOriginal(lo[1] + y);
                    for (int x = 0; x < bx; x++) {
                        double ox = ax.toOriginal(lo[0] + x);
                        int dst = x + bx * (y + by * z);
                        double v = sampler.sample(ox, oy, oz);
                        if (rs.roundIntensities()) v = Math.rint(v);
                        img[dst] = (float) v;
                        // 32-bit like the image, as IBSI asks for at least single precision
                        float mv = (float) maskSampler.sample(ox, oy, oz);
                        morph[dst] = rs.roiInterpolation() == Interpolation.NEAREST ? mv > 0.5f : mv >= threshold;
                    }
                }
            }
        }
        boolean[] intensity = resegment(img, morph, settings.resegmentation().orElse(null));
        boolean any = false;
        for (boolean b : morph) any |= b;
        if (!any) throw new IllegalArgumentException("the ROI vanished after interpolation (too small for the new grid)");
        return new PreparedRoi(bx, by, bz, ax.spacingMm(), ay.spacingMm(), az.spacingMm(), img, morph, intensity,
                new int[]{ax.n(), ay.n(), az.n()}, lo);
    }

    /** The intensity mask: the morphological mask restricted by range and outlier re-segmentation. */
    public static boolean[] resegment(float[] img, boolean[] morph, Resegmentation r) {
        boolean[] out = morph.clone();
        if (r == null) return out;
        if (r.hasRange()) {
            for (int i = 0; i < out.length; i++) if (out[i] && (img[i] < r.lower() || img[i] > r.upper())) out[i] = false;
        }
        if (r.outlierSigma() > 0) {
            double sum = 0, sum2 = 0;
            int c = 0;
            for (int i = 0; i < out.length; i++) if (out[i]) { sum += img[i]; c++; }
            if (c > 0) {
                double mean = sum / c;
                for (int i = 0; i < out.length; i++) if (out[i]) sum2 += (img[i] - mean) * (img[i] - mean);
                double sd = Math.sqrt(sum2 / c);
                double lo = mean - r.outlierSigma() * sd, hi = mean + r.outlierSigma() * sd;
                for (int i = 0; i < out.length; i++) if (out[i] && (img[i] < lo || img[i] > hi)) out[i] = false;
            }
        }
        return out;
    }
}

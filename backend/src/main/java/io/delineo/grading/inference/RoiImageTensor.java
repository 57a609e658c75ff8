package io.delineo.grading.inference;

import io.delineo.grading.model.CropCentring;
import io.delineo.grading.model.RoiImageInputSpec;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@code [1, C, D, H, W]} image tensor of a {@link RoiImageInputSpec}: a patient-axis-aligned crop of
 * isotropic spacing centred on the ROI, each phase resampled trilinearly, clipped to the HU window and normalised,
 * plus the ROI mask as a last channel (trilinear fraction) when the card asks for it. The phases must share the
 * mask's frame of reference (co-registered series); the tensor is filled in patient mm, so their grids may differ.
 */
public final class RoiImageTensor {
    private RoiImageTensor() { }

    public static InputTensor build(RoiImageInputSpec spec, Map<String, Volume> phases, BitMask roi) {
        if (roi == null) throw new InferenceException("an ROI mask is required");
        if (phases == null) throw new InferenceException("no image volumes given");
        List<String> missing = spec.phases().stream().filter(p -> phases.get(p) == null).toList();
        if (!missing.isEmpty()) {
            throw new InferenceException("the model needs phases " + spec.phases() + "; missing " + missing
                    + " (given " + phases.keySet() + ")");
        }
        RoiExtent extent = RoiExtent.of(roi);
        double[] centre = spec.centring() == CropCentring.ROI_CENTROID ? extent.centroidMm() : extent.bboxCentreMm();
        List<String> warnings = new ArrayList<>();
        double[] crop = spec.cropMm(); // [D, H, W] = [z, y, x]
        double[] roiSize = extent.sizeMm();
        String[] axis = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            if (roiSize[a] > crop[2 - a]) {
                warnings.add(String.format(Locale.ROOT, "the ROI spans %.1f mm along %s but the crop only %.1f mm: "
                        + "the model sees part of the lesion", roiSize[a], axis[a], crop[2 - a]));
            }
        }
        int[] n = spec.cropVoxels();
        int d = n[0], h = n[1], w = n[2], block = d * h * w;
        float[] out = new float[spec.channels() * block];
        for (int c = 0; c < spec.phases().size(); c++) {
            Volume v = phases.get(spec.phases().get(c));
            float[] data = v.data();
            TrilinearSampler s = new TrilinearSampler(v.grid(), i -> data[i], spec.outsideHu());
            fill(s, spec, centre, out, c * block, true);
        }
        if (spec.maskChannel()) {
            TrilinearSampler s = new TrilinearSampler(roi.grid(), i -> roi.get(i) ? 1.0 : 0.0, 0.0);
            fill(s, spec, centre, out, spec.phases().size() * block, false);
        }
        return InputTensor.of(out, spec.tensorShape(), warnings);
    }

    /** Samples one channel; the crop axes are patient x, y, z, so the voxel index moves linearly along each. */
    private static void fill(TrilinearSampler s, RoiImageInputSpec spec, double[] centre, float[] out, int offset,
                             boolean intensities) {
        int[] n = spec.cropVoxels();
        double sp = spec.spacingMm();
        ImageGrid g = s.grid();
        double[] start = {centre[0] - (n[2] - 1) / 2.0 * sp, centre[1] - (n[1] - 1) / 2.0 * sp,
                centre[2] - (n[0] - 1) / 2.0 * sp};
        double[] base = g.toIndex(start[0], start[1], start[2]);
        double[] ox = g.toIndex(0, 0, 0);
        double[] ex = sub(g.toIndex(sp, 0, 0), ox), ey = sub(g.toIndex(0, sp, 0), ox), ez = sub(g.toIndex(0, 0, sp), ox);
        double lo = spec.windowLowHu(), hi = spec.windowHighHu();
        int idx = offset;
        for (int z = 0; z < n[0]; z++) {
            for (int y = 0; y < n[1]; y++) {
                for (int x = 0; x < n[2]; x++) {
                    double ci = base[0] + x * ex[0] + y * ey[0] + z * ez[0];
                    double cj = base[1] + x * ex[1] + y * ey[1] + z * ez[1];
                    double ck = base[2] + x * ex[2] + y * ey[2] + z * ez[2];
                    double v = s.atIndex(ci, cj, ck);
                    if (intensities) {
                        double clipped = Math.max(lo, Math.min(hi, v));
                        out[idx++] = spec.normalisation().apply(clipped, lo, hi);
                    } else {
                        out[idx++] = (float) v;
                    }
                }
            }
        }
    }

    private static double[] sub(double[] a, double[] b) { return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
}

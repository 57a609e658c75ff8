package io.delineo.grading.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Image input around the ROI. The crop grid is aligned with the patient LPS axes: tensor axis W runs along +x
 * (patient left), H along +y (posterior), D along +z (superior); voxel centres sit at
 * {@code centre + (index - (n - 1) / 2) * spacingMm}. Each phase is sampled with trilinear interpolation, clipped to
 * the HU window and normalised. Layout {@code [1, channels, D, H, W]}, channels = phases in card order, then the ROI
 * mask (trilinear fraction in [0, 1]) when {@code maskChannel}. Points outside a phase's volume take
 * {@code outsideHu}; the mask is 0 outside its grid.
 */
public record RoiImageInputSpec(String tensorName, List<String> phases, int[] cropVoxels, double spacingMm,
                                CropCentring centring, double windowLowHu, double windowHighHu, double outsideHu,
                                ImageNormalisation normalisation, boolean maskChannel) implements InputSpec {
    /** Largest crop edge accepted, to bound memory (a 256^3 float crop is 64 MiB per channel). */
    public static final int MAX_CROP_EDGE = 256;
    public static final String INTERPOLATION = "trilinear";
    public static final String LAYOUT = "NCDHW";

    public RoiImageInputSpec {
        if (tensorName == null || tensorName.isBlank()) throw new ModelCardException("\"input.tensorName\" is required");
        if (phases == null || phases.isEmpty()) throw new ModelCardException("\"input.phases\" must list at least one phase");
        Set<String> seen = new HashSet<>();
        for (String p : phases) {
            if (p == null || !p.matches("[A-Z0-9_]+")) {
                throw new ModelCardException("\"input.phases\" entries must be upper-case names like CT_PORTAL_VENOUS, got \""
                        + p + '"');
            }
            if (!seen.add(p)) throw new ModelCardException("\"input.phases\" lists " + p + " twice");
        }
        if (cropVoxels == null || cropVoxels.length != 3) {
            throw new ModelCardException("\"input.cropVoxels\" must be [D, H, W]");
        }
        for (int n : cropVoxels) {
            if (n < 1 || n > MAX_CROP_EDGE) {
                throw new ModelCardException("\"input.cropVoxels\" edges must be 1.." + MAX_CROP_EDGE + ", got " + n);
            }
        }
        if (!(spacingMm > 0) || !Double.isFinite(spacingMm)) {
            throw new ModelCardException("\"input.spacingMm\" must be a positive number, got " + spacingMm);
        }
        if (centring == null) throw new ModelCardException("\"input.centring\" is required");
        if (!(windowLowHu < windowHighHu) || !Double.isFinite(windowLowHu + windowHighHu)) {
            throw new ModelCardException("\"input.huWindow\" must be [low, high] with low < high");
        }
        if (!Double.isFinite(outsideHu)) throw new ModelCardException("\"input.outsideHu\" must be a number");
        if (normalisation == null) throw new ModelCardException("\"input.normalisation\" is required");
        phases = List.copyOf(phases);
        cropVoxels = cropVoxels.clone();
    }

    @Override public String kind() { return "roi-image"; }

    @Override public int[] cropVoxels() { return cropVoxels.clone(); }

    public int channels() { return phases.size() + (maskChannel ? 1 : 0); }

    /** Crop extent in mm, [D, H, W]. */
    public double[] cropMm() {
        return new double[]{cropVoxels[0] * spacingMm, cropVoxels[1] * spacingMm, cropVoxels[2] * spacingMm};
    }

    @Override
    public long[] tensorShape() { return new long[]{1, channels(), cropVoxels[0], cropVoxels[1], cropVoxels[2]}; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoiImageInputSpec r && r.tensorName.equals(tensorName) && r.phases.equals(phases)
                && java.util.Arrays.equals(r.cropVoxels, cropVoxels) && r.spacingMm == spacingMm
                && r.centring == centring && r.windowLowHu == windowLowHu && r.windowHighHu == windowHighHu
                && r.outsideHu == outsideHu && r.normalisation.equals(normalisation) && r.maskChannel == maskChannel;
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(tensorName, phases, java.util.Arrays.hashCode(cropVoxels), spacingMm); }
}

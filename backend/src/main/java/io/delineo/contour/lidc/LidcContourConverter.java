package io.delineo.contour.lidc;

import io.delineo.contour.raster.Lesion;
import io.delineo.contour.raster.PlanarPolygon;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reader's LIDC nodule (pixel-space ROIs) into a {@link Lesion} of patient-space polygons, placing each ROI
 * on the image its {@code imageSOP_UID} names (the ROI's {@code imageZposition} is not used: the referenced image's
 * geometry is authoritative).
 *
 * <p>Only outline ROIs become polygons; single-point ROIs (nodules &lt; 3 mm) are skipped. Exclusion ROIs
 * ({@code inclusion=FALSE}) become polygons too: the rasteriser's even–odd rule makes an exclusion outline drawn
 * inside an inclusion outline of the same image a hole, which is what LIDC means by it.
 */
public final class LidcContourConverter {
    private final SliceStack stack;

    public LidcContourConverter(SliceStack stack) {
        if (stack == null) throw new IllegalArgumentException("slice stack is required");
        this.stack = stack;
    }

    /** True when every ROI of the nodule lies on an image of this series (e.g. the nodule is inside a partial slab). */
    public boolean covers(LidcNodule nodule) {
        return nodule.rois().stream().allMatch(r -> stack.contains(r.imageSopInstanceUid()));
    }

    public Lesion toLesion(LidcNodule nodule) {
        if (nodule == null) throw new IllegalArgumentException("nodule is required");
        if (!nodule.isContoured()) {
            throw new IllegalArgumentException("nodule " + nodule.noduleId()
                    + " has no outline (only single-point ROIs: a nodule < 3 mm), so it is not a lesion");
        }
        List<PlanarPolygon> polygons = new ArrayList<>();
        for (LidcRoi roi : nodule.rois()) {
            if (!roi.isPolygon()) continue;
            if (!stack.contains(roi.imageSopInstanceUid())) {
                throw new IllegalArgumentException("nodule " + nodule.noduleId() + " has an ROI on image "
                        + roi.imageSopInstanceUid() + ", which is not part of the loaded series");
            }
            polygons.add(toPolygon(roi, stack.get(roi.imageSopInstanceUid())));
        }
        return new Lesion(polygons);
    }

    static PlanarPolygon toPolygon(LidcRoi roi, SliceGeometry image) {
        double[] cols = roi.columns(), rows = roi.rows();
        double[] xyz = new double[3 * cols.length];
        for (int n = 0; n < cols.length; n++) {
            double[] p = image.pixelToPatient(cols[n], rows[n]);
            System.arraycopy(p, 0, xyz, 3 * n, 3);
        }
        return new PlanarPolygon(xyz);
    }
}

package io.delineo.contour.lidc;

import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The images of one series sorted along the slice normal (row cosine × column cosine), and the {@link ImageGrid}
 * they form. Requires one orientation, size and pixel spacing for all images, positions on a line along the normal
 * (no gantry tilt / shear), and uniform slice spacing within {@value #SPACING_TOLERANCE_MM} mm.
 */
public final class SliceStack {
    public static final double SPACING_TOLERANCE_MM = 0.01;
    private static final double ORIENTATION_TOLERANCE = 1e-4;

    private final List<SliceGeometry> slices;
    private final Map<String, Integer> indexBySop = new HashMap<>();
    private final ImageGrid grid;

    private SliceStack(List<SliceGeometry> sorted, ImageGrid grid) {
        this.slices = List.copyOf(sorted);
        for (int k = 0; k < sorted.size(); k++) {
            if (indexBySop.put(sorted.get(k).sopInstanceUid(), k) != null) {
                throw new IllegalArgumentException("SOP Instance UID " + sorted.get(k).sopInstanceUid() + " occurs twice");
            }
        }
        this.grid = grid;
    }

    public static SliceStack of(Collection<SliceGeometry> images) {
        if (images == null || images.isEmpty()) throw new IllegalArgumentException("at least one image is required");
        SliceGeometry first = images.iterator().next();
        double[] iop = first.imageOrientationPatient();
        double[] row = {iop[0], iop[1], iop[2]}, col = {iop[3], iop[4], iop[5]};
        double[] normal = {row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2], row[0] * col[1] - row[1] * col[0]};
        for (SliceGeometry g : images) {
            double[] o = g.imageOrientationPatient();
            for (int a = 0; a < 6; a++) {
                if (Math.abs(o[a] - iop[a]) > ORIENTATION_TOLERANCE) {
                    throw new IllegalArgumentException("image " + g.sopInstanceUid() + " has a different orientation");
                }
            }
            if (g.rows() != first.rows() || g.columns() != first.columns()
                    || Math.abs(g.rowSpacingMm() - first.rowSpacingMm()) > 1e-6
                    || Math.abs(g.columnSpacingMm() - first.columnSpacingMm()) > 1e-6) {
                throw new IllegalArgumentException("image " + g.sopInstanceUid() + " differs in size or pixel spacing");
            }
        }
        List<SliceGeometry> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparingDouble(g -> dot(g.imagePositionPatient(), normal)));
        double[] origin = sorted.get(0).imagePositionPatient();
        double spacing = 1.0; // a single image: nominal 1 mm, never used for distances across slices
        if (sorted.size() > 1) {
            spacing = (dot(sorted.get(sorted.size() - 1).imagePositionPatient(), normal) - dot(origin, normal)) / (sorted.size() - 1);
            if (!(spacing > 0)) throw new IllegalArgumentException("two images share the same position");
        }
        for (int k = 0; k < sorted.size(); k++) {
            double[] p = sorted.get(k).imagePositionPatient();
            double[] d = {p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]};
            if (Math.abs(dot(d, normal) - k * spacing) > SPACING_TOLERANCE_MM) {
                throw new IllegalArgumentException("slice spacing is not uniform at image " + sorted.get(k).sopInstanceUid()
                        + " (expected " + String.format("%.4f", k * spacing) + " mm from the first, found "
                        + String.format("%.4f", dot(d, normal)) + ")");
            }
            if (Math.abs(dot(d, row)) > SPACING_TOLERANCE_MM || Math.abs(dot(d, col)) > SPACING_TOLERANCE_MM) {
                throw new IllegalArgumentException("image " + sorted.get(k).sopInstanceUid()
                        + " is shifted in-plane relative to the first (tilted or sheared stack)");
            }
        }
        ImageGrid grid = new ImageGrid(first.columns(), first.rows(), sorted.size(), origin, row, col, normal,
                first.columnSpacingMm(), first.rowSpacingMm(), spacing);
        return new SliceStack(sorted, grid);
    }

    public ImageGrid grid() { return grid; }

    /** Images in grid order (k = 0, 1, …). */
    public List<SliceGeometry> slices() { return slices; }

    public boolean contains(String sopInstanceUid) { return indexBySop.containsKey(sopInstanceUid); }

    /** Grid slice index k of the image, or -1 when the image is not in this stack. */
    public int indexOf(String sopInstanceUid) {
        Integer k = indexBySop.get(sopInstanceUid);
        return k == null ? -1 : k;
    }

    public SliceGeometry get(String sopInstanceUid) {
        int k = indexOf(sopInstanceUid);
        if (k < 0) throw new IllegalArgumentException("image " + sopInstanceUid + " is not part of this series");
        return slices.get(k);
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
}

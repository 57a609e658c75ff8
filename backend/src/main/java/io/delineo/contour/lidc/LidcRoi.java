package io.delineo.contour.lidc;

/**
 * One LIDC {@code <roi>}: an outline on one image, in pixel space ({@code xCoord} = column, {@code yCoord} = row,
 * both 0-based, pixel centres at integers). {@code inclusion == false} marks a hole. A single-point ROI marks a
 * nodule &lt; 3 mm (centre only) and is not a contour.
 */
public record LidcRoi(String imageSopInstanceUid, double imageZPosition, boolean inclusion, double[] columns,
                      double[] rows) {
    public LidcRoi {
        if (imageSopInstanceUid == null || imageSopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("an LIDC roi needs an imageSOP_UID");
        }
        if (columns == null || rows == null || columns.length != rows.length || columns.length == 0) {
            throw new IllegalArgumentException("an LIDC roi needs matching, non-empty xCoord/yCoord lists (image "
                    + imageSopInstanceUid + ")");
        }
        columns = columns.clone();
        rows = rows.clone();
    }

    public int pointCount() { return columns.length; }

    /** Distinct consecutive vertices once the closing repeat of the first point is dropped. */
    public int distinctVertexCount() {
        int n = columns.length;
        if (n > 1 && columns[0] == columns[n - 1] && rows[0] == rows[n - 1]) n--;
        return n;
    }

    /** True for an outline with at least 3 vertices; false for the single-point marks of nodules &lt; 3 mm. */
    public boolean isPolygon() { return distinctVertexCount() >= 3; }

    @Override public double[] columns() { return columns.clone(); }
    @Override public double[] rows() { return rows.clone(); }
}

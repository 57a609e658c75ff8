package io.delineo.contour.raster;

import java.util.Arrays;
import java.util.List;

/**
 * One closed planar contour in DICOM patient coordinates (LPS, mm), e.g. an RTSTRUCT ContourData item or one
 * LIDC ROI after conversion. The polygon is implicitly closed; a last vertex repeating the first is dropped.
 *
 * <p>Which slice plane it lies on is not stored but derived from the points by {@link PolygonRasterizer#sliceIndexOf},
 * which also checks that every vertex lies on that slice's centre plane.
 */
public final class PlanarPolygon {
    private final double[] xyz;

    /** From a list of (x, y, z) points, as contours are kept in reads and RTSTRUCTs. */
    public static PlanarPolygon of(List<double[]> points) {
        double[] xyz = new double[points.size() * 3];
        for (int n = 0; n < points.size(); n++) {
            double[] p = points.get(n);
            if (p == null || p.length != 3) throw new IllegalArgumentException("point " + n + " is not an (x, y, z) triple");
            System.arraycopy(p, 0, xyz, n * 3, 3);
        }
        return new PlanarPolygon(xyz);
    }

    /** @param xyz flattened vertices {@code x0, y0, z0, x1, y1, z1, ...} in mm; at least three distinct vertices */
    public PlanarPolygon(double[] xyz) {
        if (xyz == null) throw new IllegalArgumentException("polygon points are required");
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("polygon coordinates must come in (x, y, z) triples, got " + xyz.length
                    + " numbers");
        }
        for (double v : xyz) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("polygon coordinates must be finite");
        }
        int n = xyz.length / 3;
        if (n > 1 && xyz[0] == xyz[3 * n - 3] && xyz[1] == xyz[3 * n - 2] && xyz[2] == xyz[3 * n - 1]) n--;
        if (n < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + n
                    + " (single points, e.g. LIDC nodules < 3 mm, are not contours)");
        }
        this.xyz = Arrays.copyOf(xyz, 3 * n);
    }

    public static PlanarPolygon of(double... xyz) { return new PlanarPolygon(xyz); }

    public int pointCount() { return xyz.length / 3; }

    /** Vertex {@code n} as {x, y, z} (mm). */
    public double[] point(int n) {
        if (n < 0 || n >= pointCount()) {
            throw new IndexOutOfBoundsException("vertex " + n + " of a " + pointCount() + "-vertex polygon");
        }
        return new double[]{xyz[3 * n], xyz[3 * n + 1], xyz[3 * n + 2]};
    }

    /** A copy of the flattened coordinates. */
    public double[] coordinates() { return xyz.clone(); }

    @Override
    public boolean equals(Object o) { return o instanceof PlanarPolygon p && Arrays.equals(xyz, p.xyz); }

    @Override
    public int hashCode() { return Arrays.hashCode(xyz); }

    @Override
    public String toString() {
        return "PlanarPolygon[" + pointCount() + " vertices, first (" + xyz[0] + ", " + xyz[1] + ", " + xyz[2] + ")]";
    }
}

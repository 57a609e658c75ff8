package io.delineo.contour.raster;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills planar contours into a {@link BitMask} on an {@link ImageGrid}.
 *
 * <h2>Fill rule (the only one)</h2>
 * A voxel belongs to the lesion when its <b>centre</b> lies inside the contours of its slice, by the <b>even–odd</b>
 * rule over <b>all</b> polygons of that lesion on that slice: a polygon inside another is a hole, disjoint polygons
 * are separate parts, and a voxel covered by an odd number of polygons is inside. This is how RTSTRUCT contours are
 * conventionally filled (centre sampling, XOR of contours).
 *
 * <p>Centres that fall exactly on an edge are decided by the half-open ("top-left") convention, so that shared
 * edges and axis-aligned squares are counted once: in voxel index space an edge counts for centre rows
 * {@code min(y0,y1) <= j < max(y0,y1)} (horizontal edges never), and on a row the voxels {@code xa <= i < xb} between
 * consecutive sorted crossings are filled. Hence left/top boundary centres are in, right/bottom ones out, and a
 * square with vertices on voxel centres {@code (0,0)-(n,n)} fills exactly {@code n²} voxels, its area.
 *
 * <h2>Geometry</h2>
 * Each vertex is projected with {@link ImageGrid#toIndex}; the continuous in-plane indices are snapped to multiples
 * of 2<sup>-20</sup> voxel so that round-off from a pixel→mm→index round trip cannot move an on-edge centre across the
 * edge. Every vertex of a polygon must lie within {@code planeToleranceMm} of one slice centre plane (measured
 * along the slice normal), and that slice must exist on the grid; otherwise a {@link ContourGeometryException} says
 * which polygon and vertex. Parts of a polygon outside the grid in-plane are clipped.
 */
public final class PolygonRasterizer {
    /** Default distance (mm) a vertex may lie off its slice centre plane: covers DS rounding of DICOM coordinates. */
    public static final double DEFAULT_PLANE_TOLERANCE_MM = 0.05;
    private static final double SNAP = 1 << 20;

    private final ImageGrid grid;
    private final double planeToleranceMm;

    public PolygonRasterizer(ImageGrid grid) { this(grid, DEFAULT_PLANE_TOLERANCE_MM); }

    public PolygonRasterizer(ImageGrid grid, double planeToleranceMm) {
        if (grid == null) throw new IllegalArgumentException("grid is required");
        if (!(planeToleranceMm >= 0) || !(planeToleranceMm < grid.sz() / 2)) {
            throw new IllegalArgumentException("plane tolerance must be in [0, half the slice spacing "
                    + grid.sz() / 2 + " mm), got " + planeToleranceMm);
        }
        this.grid = grid;
        this.planeToleranceMm = planeToleranceMm;
    }

    public ImageGrid grid() { return grid; }

    /** The lesion's voxels: a new mask on this rasteriser's grid. */
    public BitMask rasterize(Lesion lesion) {
        if (lesion == null) throw new IllegalArgumentException("lesion is required");
        return rasterize(lesion.polygons());
    }

    /** The voxels of these polygons, combined per slice by the even–odd rule. */
    public BitMask rasterize(List<PlanarPolygon> polygons) {
        if (polygons == null) throw new IllegalArgumentException("polygons are required");
        Map<Integer, List<double[]>> bySlice = new TreeMap<>();
        for (int p = 0; p < polygons.size(); p++) {
            PlanarPolygon polygon = polygons.get(p);
            if (polygon == null) throw new IllegalArgumentException("polygon " + p + " is null");
            double[] ij = new double[2 * polygon.pointCount()];
            int k = project(polygon, p, ij);
            bySlice.computeIfAbsent(k, key -> new ArrayList<>()).add(ij);
        }
        BitMask mask = new BitMask(grid);
        ScanlineFill fill = new ScanlineFill(grid.nx(), grid.ny());
        for (Map.Entry<Integer, List<double[]>> e : bySlice.entrySet()) {
            int sliceOffset = e.getKey() * grid.sliceSize();
            fill.fill(e.getValue(), (j, iFrom, iTo) -> {
                int row = sliceOffset + j * grid.nx();
                mask.flipRange(row + iFrom, row + iTo);
            });
        }
        return mask;
    }

    /** The slice index whose centre plane holds {@code polygon}; throws when it is off-plane or outside the grid. */
    public int sliceIndexOf(PlanarPolygon polygon) {
        if (polygon == null) throw new IllegalArgumentException("polygon is required");
        return project(polygon, 0, new double[2 * polygon.pointCount()]);
    }

    /** Projects the vertices into (i, j) pairs in {@code ij}; returns the slice index after validating planarity. */
    private int project(PlanarPolygon polygon, int polygonNumber, double[] ij) {
        int n = polygon.pointCount();
        double[] xyz = polygon.coordinates();
        double[] first = grid.toIndex(xyz[0], xyz[1], xyz[2]);
        long k = Math.round(first[2]);
        if (k < 0 || k >= grid.nz()) {
            throw new ContourGeometryException("polygon " + polygonNumber + " lies at slice position "
                    + String.format("%.3f", first[2]) + ", outside the series' slices 0.." + (grid.nz() - 1)
                    + " (first vertex " + fmt(xyz, 0) + " mm)");
        }
        for (int v = 0; v < n; v++) {
            double[] idx = grid.toIndex(xyz[3 * v], xyz[3 * v + 1], xyz[3 * v + 2]);
            double offMm = Math.abs(idx[2] - k) * grid.sz();
            if (offMm > planeToleranceMm) {
                throw new ContourGeometryException("polygon " + polygonNumber + " is not on a slice centre plane: vertex "
                        + v + " " + fmt(xyz, v) + " mm is " + String.format("%.4f", offMm) + " mm from the centre of slice "
                        + k + " (tolerance " + planeToleranceMm + " mm)");
            }
            ij[2 * v] = Math.rint(idx[0] * SNAP) / SNAP;
            ij[2 * v + 1] = Math.rint(idx[1] * SNAP) / SNAP;
        }
        return (int) k;
    }

    private static String fmt(double[] xyz, int v) {
        return String.format("(%.3f, %.3f, %.3f)", xyz[3 * v], xyz[3 * v + 1], xyz[3 * v + 2]);
    }
}

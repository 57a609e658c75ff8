package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadValidator;
import io.delineo.contour.raster.ContourGeometryException;
import io.delineo.contour.raster.PlanarPolygon;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.imaging.ImageGrid;

import java.util.List;

/** Which slice of a series grid a planar contour lies on (all vertices within the plane tolerance). */
final class ContourPlanes {
    /** the tolerance reads are validated with: covers DS rounding of coordinates written by other systems */
    static final double PLANE_TOLERANCE_MM = ReadValidator.PLANE_TOLERANCE_MM;

    private ContourPlanes() {
    }

    static PlanarPolygon polygon(List<double[]> points) {
        double[] xyz = new double[points.size() * 3];
        for (int n = 0; n < points.size(); n++) {
            double[] p = points.get(n);
            if (p == null || p.length != 3) throw new IllegalArgumentException("point " + n + " is not an (x, y, z) triple");
            System.arraycopy(p, 0, xyz, n * 3, 3);
        }
        return new PlanarPolygon(xyz);
    }

    /** The slice index, or throws {@link ContourGeometryException} naming the offending vertex. */
    static int sliceOf(ImageGrid grid, PlanarPolygon polygon) {
        return new PolygonRasterizer(grid, Math.min(PLANE_TOLERANCE_MM, grid.sz() / 2 - 1e-9)).sliceIndexOf(polygon);
    }
}

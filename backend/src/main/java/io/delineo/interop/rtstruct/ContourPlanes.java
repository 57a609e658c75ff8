package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadValidator;
import io.delineo.contour.raster.ContourGeometryException;
import io.delineo.contour.raster.PlanarPolygon;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.imaging.ImageGrid;


/** Which slice of a series grid a planar contour lies on (all vertices within the plane tolerance). */
final class ContourPlanes {
    /** the tolerance reads are validated with: covers DS rounding of coordinates written by other systems */
    static final double PLANE_TOLERANCE_MM = ReadValidator.PLANE_TOLERANCE_MM;

    private ContourPlanes() {
    }

    /** The slice index, or throws {@link ContourGeometryException} naming the offending vertex. */
    static int sliceOf(ImageGrid grid, PlanarPolygon polygon) {
        return new PolygonRasterizer(grid, Math.min(PLANE_TOLERANCE_MM, grid.sz() / 2 - 1e-9)).sliceIndexOf(polygon);
    }
}

package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadContent;
import io.delineo.contour.raster.ContourGeometryException;
import io.delineo.contour.raster.PlanarPolygon;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills an ROI's (or lesion's) contours into a mask on a series grid with the project's one fill rule
 * ({@link PolygonRasterizer}: voxel centres, even–odd across the contours of a slice). Contours that lie on no slice
 * of the grid (e.g. outside a series that was cut short) are left out and reported in {@code notes}.
 */
public final class RoiRasterizer {
    private RoiRasterizer() {
    }

    public static BitMask rasterize(List<ReadContent.Contour> contours, ImageGrid grid, List<String> notes) {
        List<PlanarPolygon> polygons = new ArrayList<>();
        for (int n = 0; n < contours.size(); n++) {
            PlanarPolygon p = PlanarPolygon.of(contours.get(n).points());
            try {
                ContourPlanes.sliceOf(grid, p);
                polygons.add(p);
            } catch (ContourGeometryException e) {
                if (notes == null) throw e;
                notes.add("contour " + (n + 1) + " left out: " + e.getMessage());
            }
        }
        return new PolygonRasterizer(grid, Math.min(ContourPlanes.PLANE_TOLERANCE_MM, grid.sz() / 2 - 1e-9))
                .rasterize(polygons);
    }
}

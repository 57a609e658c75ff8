package io.delineo.contour.raster;

import java.util.List;

/**
 * One reader's delineation of one lesion: planar polygons, any number per slice. On each slice the polygons combine
 * by the even–odd rule (see {@link PolygonRasterizer}), so a polygon drawn inside another is a hole and separate
 * polygons are separate parts.
 */
public record Lesion(List<PlanarPolygon> polygons) {
    public Lesion {
        if (polygons == null) throw new IllegalArgumentException("polygons are required (may be an empty list)");
        for (PlanarPolygon p : polygons) {
            if (p == null) throw new IllegalArgumentException("a lesion's polygon list contains null");
        }
        polygons = List.copyOf(polygons);
    }

    public static Lesion of(PlanarPolygon... polygons) { return new Lesion(List.of(polygons)); }
}

package io.delineo.contour;

import io.delineo.contour.raster.PlanarPolygon;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads rasterised for comparison. Lesions are compared per (label, series): a reader's lesions with the same label on
 * the same series form one mask (e.g. several liver metastases), rasterised by the voxel-centre, even–odd rule.
 */
public final class LesionMasks {
    /** The key of a comparison: a lesion label on one series. */
    public record Group(String label, String seriesInstanceUid) {
    }

    private LesionMasks() {
    }

    /**
     * @param seriesOf SOP Instance UID → series instance UID of the case's images
     * @param gridOf   series instance UID → its grid
     */
    public static Map<Group, BitMask> of(ReadContent read, Function<String, String> seriesOf,
                                         Function<String, ImageGrid> gridOf) {
        Map<Group, List<PlanarPolygon>> polygons = new LinkedHashMap<>();
        for (ReadContent.Lesion lesion : read.lesions()) {
            for (ReadContent.Contour c : lesion.contours()) {
                String series = seriesOf.apply(c.sopInstanceUid());
                if (series == null) continue; // validated on save; an image removed later simply drops out
                polygons.computeIfAbsent(new Group(lesion.label(), series), g -> new ArrayList<>()).add(PlanarPolygon.of(c.points()));
            }
        }
        Map<Group, BitMask> masks = new LinkedHashMap<>();
        for (Map.Entry<Group, List<PlanarPolygon>> e : polygons.entrySet()) {
            ImageGrid grid = gridOf.apply(e.getKey().seriesInstanceUid());
            masks.put(e.getKey(), new PolygonRasterizer(grid, ReadValidator.PLANE_TOLERANCE_MM).rasterize(e.getValue()));
        }
        return masks;
    }

    /** One mask per lesion, in the order of the content, all on one grid (for exports that keep lesions apart). */
    public static List<BitMask> eachLesion(ReadContent read, ImageGrid grid) {
        PolygonRasterizer rasterizer = new PolygonRasterizer(grid, ReadValidator.PLANE_TOLERANCE_MM);
        List<BitMask> out = new ArrayList<>();
        for (ReadContent.Lesion lesion : read.lesions()) {
            out.add(rasterizer.rasterize(lesion.contours().stream().map(c -> PlanarPolygon.of(c.points())).toList()));
        }
        return out;
    }
}

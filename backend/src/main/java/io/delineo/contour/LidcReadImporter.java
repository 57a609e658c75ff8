package io.delineo.contour;

import io.delineo.archive.Instance;
import io.delineo.contour.lidc.LidcContourConverter;
import io.delineo.contour.lidc.LidcLesionMatcher;
import io.delineo.contour.lidc.LidcNodule;
import io.delineo.contour.lidc.LidcReadMessage;
import io.delineo.contour.lidc.LidcRoi;
import io.delineo.contour.lidc.SliceGeometry;
import io.delineo.contour.lidc.SliceStack;
import io.delineo.contour.raster.PolygonRasterizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LIDC-IDRI reading sessions as canonical reads: the nodule all sessions contoured (matched by overlap) becomes one
 * lesion per session; each ROI becomes a contour on its image in patient mm (exclusion ROIs are holes by even–odd).
 */
public final class LidcReadImporter {
    private LidcReadImporter() {
    }

    /** Session index (1-based) → read content, for the lesions contoured in every session; empty if none is. */
    public static Map<Integer, ReadContent> reads(LidcReadMessage message, List<Instance> images, String label) {
        List<SliceGeometry> geometry = new ArrayList<>();
        for (Instance i : images) {
            if (i.imagePositionPatient == null || i.imageOrientationPatient == null || i.pixelSpacing == null) continue;
            geometry.add(new SliceGeometry(i.sopInstanceUid, i.imagePositionPatient, i.imageOrientationPatient,
                    i.pixelSpacing[0], i.pixelSpacing[1], i.rows, i.columns));
        }
        SliceStack stack = SliceStack.of(geometry);
        LidcContourConverter converter = new LidcContourConverter(stack);
        LidcLesionMatcher.Result matched = LidcLesionMatcher.match(message, converter, new PolygonRasterizer(stack.grid()));
        Map<Integer, List<ReadContent.Lesion>> bySession = new LinkedHashMap<>();
        int lesionNumber = 0;
        for (LidcLesionMatcher.MatchedLesion lesion : matched.lesions()) {
            if (!lesion.inAllSessions(message.sessions().size())) continue;
            lesionNumber++;
            for (LidcLesionMatcher.Candidate member : lesion.members()) {
                bySession.computeIfAbsent(member.session() + 1, k -> new ArrayList<>())
                        .add(new ReadContent.Lesion("lidc-" + lesionNumber, label, contours(member.nodule(), stack)));
            }
        }
        Map<Integer, ReadContent> out = new LinkedHashMap<>();
        bySession.forEach((session, lesions) -> out.put(session, new ReadContent(lesions)));
        return out;
    }

    private static List<ReadContent.Contour> contours(LidcNodule nodule, SliceStack stack) {
        List<ReadContent.Contour> out = new ArrayList<>();
        for (LidcRoi roi : nodule.rois()) {
            if (!roi.isPolygon() || !stack.contains(roi.imageSopInstanceUid())) continue;
            SliceGeometry g = stack.get(roi.imageSopInstanceUid());
            List<double[]> points = new ArrayList<>();
            for (int n = 0; n < roi.pointCount(); n++) points.add(g.pixelToPatient(roi.columns()[n], roi.rows()[n]));
            out.add(new ReadContent.Contour(roi.imageSopInstanceUid(), points));
        }
        return out;
    }
}

package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadContent;
import io.delineo.contour.raster.ContourGeometryException;
import io.delineo.contour.raster.PlanarPolygon;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tags;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.SourceSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an RT Structure Set into ROIs of closed planar contours, tolerant of what real files do:
 * <ul>
 *   <li>a contour without Contour Image Sequence, or naming an image that is not in the given series (e.g. after
 *   the series was re-exported with new UIDs), is matched to the series image whose plane it lies on;</li>
 *   <li>POINT and OPEN_* contours are skipped with a note (they enclose no volume);</li>
 *   <li>a Number of Contour Points that disagrees with Contour Data, or a contour of fewer than 3 points, is noted;</li>
 *   <li>a contour on no slice of the given series keeps its reference and is noted.</li>
 * </ul>
 * Structural problems (wrong SOP class, no Structure Set ROI Sequence, odd Contour Data) are refused.
 */
public final class RtStructReader {
    private RtStructReader() {
    }

    /** @param source the referenced series, for matching contours without image references; may be null */
    public static RtStruct read(Dataset ds, SourceSeries source) {
        if (ds == null) throw new IllegalArgumentException("data set is required");
        String sopClass = ds.getString(Tags.SOPClassUID);
        if (!RtTags.RT_STRUCTURE_SET_STORAGE.equals(sopClass)) {
            throw new InteropException("not an RT Structure Set: SOP Class UID is " + sopClass + ", expected "
                    + RtTags.RT_STRUCTURE_SET_STORAGE);
        }
        Sequence roiSeq = ds.getSequence(RtTags.StructureSetROISequence);
        if (roiSeq == null) throw new InteropException("RT Structure Set has no Structure Set ROI Sequence (3006,0020)");
        List<String> notes = new ArrayList<>();
        Map<Integer, RoiBuilder> rois = new LinkedHashMap<>();
        for (Dataset item : roiSeq) {
            Integer number = item.getInt(RtTags.ROINumber);
            if (number == null) throw new InteropException("a Structure Set ROI item has no ROI Number (3006,0022)");
            if (rois.containsKey(number)) throw new InteropException("ROI Number " + number + " occurs twice");
            rois.put(number, new RoiBuilder(number, item.getString(RtTags.ROIName, "ROI " + number),
                    item.getString(RtTags.ROIGenerationAlgorithm, "")));
        }
        Sequence contourSeq = ds.getSequence(RtTags.ROIContourSequence);
        if (contourSeq != null) {
            for (Dataset item : contourSeq) {
                Integer ref = item.getInt(RtTags.ReferencedROINumber);
                RoiBuilder roi = ref == null ? null : rois.get(ref);
                if (roi == null) {
                    notes.add("ROI Contour item for unknown ROI number " + ref + " skipped");
                    continue;
                }
                int[] color = item.getInts(RtTags.ROIDisplayColor);
                roi.color = color.length == 3 ? color : null;
                Sequence contours = item.getSequence(RtTags.ContourSequence);
                if (contours == null) continue;
                int n = 0;
                for (Dataset c : contours) {
                    n++;
                    readContour(c, roi, n, source, notes);
                }
            }
        }
        List<RtStruct.Roi> out = rois.values().stream()
                .map(b -> new RtStruct.Roi(b.number, b.name, b.color, b.algorithm, b.contours)).toList();
        String frameOfReference = null;
        Dataset frame = ds.getItem(RtTags.ReferencedFrameOfReferenceSequence);
        if (frame != null) frameOfReference = frame.getString(Tags.FrameOfReferenceUID);
        return new RtStruct(ds.getString(Tags.SOPInstanceUID), ds.getString(RtTags.StructureSetLabel, ""),
                frameOfReference, out, notes);
    }

    private static void readContour(Dataset c, RoiBuilder roi, int n, SourceSeries source, List<String> notes) {
        String where = "ROI '" + roi.name + "' contour " + n;
        String type = c.getString(RtTags.ContourGeometricType, "");
        if (!type.equals("CLOSED_PLANAR")) {
            notes.add(where + ": geometric type " + (type.isEmpty() ? "(none)" : type)
                    + " ignored (only CLOSED_PLANAR contours enclose a region)");
            return;
        }
        double[] data = c.getDoubles(RtTags.ContourData);
        if (data.length % 3 != 0) {
            throw new InteropException(where + ": Contour Data has " + data.length + " values, not (x, y, z) triples");
        }
        Integer declared = c.getInt(RtTags.NumberOfContourPoints);
        if (declared != null && declared != data.length / 3) {
            notes.add(where + ": Number of Contour Points says " + declared + " but Contour Data holds " + data.length / 3
                    + " points; the data were used");
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i + 2 < data.length; i += 3) points.add(new double[]{data[i], data[i + 1], data[i + 2]});
        PlanarPolygon polygon;
        try {
            polygon = PlanarPolygon.of(points);
        } catch (IllegalArgumentException e) {
            notes.add(where + " skipped: " + e.getMessage());
            return;
        }
        String sop = null;
        Dataset image = c.getItem(RtTags.ContourImageSequence);
        if (image != null) sop = image.getString(Tags.ReferencedSOPInstanceUID);
        if (source != null && (sop == null || source.sliceOf(sop) < 0)) {
            String problem = sop == null ? " has no Contour Image Sequence"
                    : " references image " + sop + ", which is not in the given series";
            try {
                String matched = source.image(ContourPlanes.sliceOf(source.grid(), polygon)).sopInstanceUid();
                notes.add(where + problem + "; matched by position to image " + matched);
                sop = matched;
            } catch (ContourGeometryException e) {
                notes.add(where + problem + ", and it lies on no image of the series: " + e.getMessage());
            }
        } else if (sop == null) {
            notes.add(where + " has no Contour Image Sequence and no series was given to match it");
        }
        roi.contours.add(new ReadContent.Contour(sop, points));
    }

    private static final class RoiBuilder {
        final int number;
        final String name;
        final String algorithm;
        int[] color;
        final List<ReadContent.Contour> contours = new ArrayList<>();

        RoiBuilder(int number, String name, String algorithm) {
            this.number = number;
            this.name = name;
            this.algorithm = algorithm;
        }
    }
}

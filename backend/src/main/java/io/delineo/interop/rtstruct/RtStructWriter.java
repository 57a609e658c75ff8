package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadContent;
import io.delineo.contour.raster.PlanarPolygon;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tags;
import io.delineo.dicom.VR;
import io.delineo.interop.common.CommonModules;
import io.delineo.interop.common.DerivedSeriesInfo;
import io.delineo.interop.common.DicomTags;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.SourceSeries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a read (lesions of planar contours) as an RT Structure Set (PS3.3 A.19): one ROI per lesion, named by its
 * label (with a running number when a label repeats), a display colour from {@link RoiColors}, every contour
 * CLOSED_PLANAR with its Contour Image Sequence and Contour Data in patient mm. Each contour is checked to lie on
 * the plane of the image it names (or, when it names none, matched to an image by its position).
 */
public final class RtStructWriter {
    private static final int MAX_SHORT_VALUE = 0xFFFE;

    private RtStructWriter() {
    }

    /**
     * @param label     Structure Set Label (SH, at most 16 characters), e.g. "DELINEO"
     * @param algorithm MANUAL for a reader's contours, SEMIAUTOMATIC for a consensus
     */
    public static Dataset write(ReadContent content, SourceSeries source, DerivedSeriesInfo info, String label,
                                RoiGenerationAlgorithm algorithm) {
        if (content == null || source == null || info == null || algorithm == null) {
            throw new IllegalArgumentException("content, source series, series info and algorithm are required");
        }
        if (label == null || label.isBlank() || label.length() > 16) {
            throw new IllegalArgumentException("structure set label must be 1-16 characters (SH), got '" + label + "'");
        }
        Dataset ds = new Dataset();
        CommonModules.write(ds, source, info, RtTags.RT_STRUCTURE_SET_STORAGE, "RTSTRUCT");
        ds.setString(DicomTags.OperatorsName, VR.PN, info.creatorName());
        ds.setString(RtTags.StructureSetLabel, VR.SH, label);
        ds.setString(RtTags.StructureSetName, VR.LO, info.seriesDescription());
        ds.setString(RtTags.StructureSetDate, VR.DA, info.created().format(DateTimeFormatter.BASIC_ISO_DATE));
        ds.setString(RtTags.StructureSetTime, VR.TM, info.created().format(DateTimeFormatter.ofPattern("HHmmss")));
        writeReferencedFrameOfReference(ds, source);

        List<String> names = roiNames(content.lesions());
        Sequence roiSeq = ds.newSequence(RtTags.StructureSetROISequence);
        Sequence contourSeq = ds.newSequence(RtTags.ROIContourSequence);
        Sequence observations = ds.newSequence(RtTags.RTROIObservationsSequence);
        for (int n = 0; n < content.lesions().size(); n++) {
            ReadContent.Lesion lesion = content.lesions().get(n);
            int roiNumber = n + 1;
            Dataset roi = roiSeq.addItem();
            roi.setInt(RtTags.ROINumber, VR.IS, roiNumber);
            roi.setString(RtTags.ReferencedFrameOfReferenceUID, VR.UI, source.frameOfReferenceUid());
            roi.setString(RtTags.ROIName, VR.LO, names.get(n));
            roi.setString(RtTags.ROIGenerationAlgorithm, VR.CS, algorithm.name());

            Dataset roiContour = contourSeq.addItem();
            roiContour.setInt(RtTags.ROIDisplayColor, VR.IS, RoiColors.of(n));
            roiContour.setInt(RtTags.ReferencedROINumber, VR.IS, roiNumber);
            if (!lesion.contours().isEmpty()) {
                Sequence contours = roiContour.newSequence(RtTags.ContourSequence);
                int contourNumber = 1;
                for (ReadContent.Contour c : lesion.contours()) {
                    writeContour(contours.addItem(), c, source, names.get(n), contourNumber++);
                }
            }

            Dataset observation = observations.addItem();
            observation.setInt(RtTags.ObservationNumber, VR.IS, roiNumber);
            observation.setInt(RtTags.ReferencedROINumber, VR.IS, roiNumber);
            observation.setString(RtTags.RTROIInterpretedType, VR.CS, new String[0]);
            observation.setString(RtTags.ROIInterpreter, VR.PN, info.creatorName());
        }
        return ds;
    }

    /** ROI names: the label, followed by " 1", " 2"... when several lesions share it. */
    static List<String> roiNames(List<ReadContent.Lesion> lesions) {
        Map<String, Integer> total = new HashMap<>();
        for (ReadContent.Lesion l : lesions) total.merge(labelOf(l), 1, Integer::sum);
        Map<String, Integer> seen = new HashMap<>();
        return lesions.stream().map(l -> {
            String label = labelOf(l);
            if (total.get(label) == 1) return label;
            int index = seen.merge(label, 1, Integer::sum);
            return label + " " + index;
        }).map(name -> {
            if (name.length() > 64) throw new InteropException("ROI name '" + name + "' is longer than 64 characters (LO)");
            return name;
        }).toList();
    }

    private static String labelOf(ReadContent.Lesion lesion) {
        String label = lesion.label() == null ? "" : lesion.label().strip();
        return label.isEmpty() ? "Lesion" : label;
    }

    private static void writeReferencedFrameOfReference(Dataset ds, SourceSeries source) {
        Dataset frame = ds.newSequence(RtTags.ReferencedFrameOfReferenceSequence).addItem();
        frame.setString(Tags.FrameOfReferenceUID, VR.UI, source.frameOfReferenceUid());
        Dataset study = frame.newSequence(RtTags.RTReferencedStudySequence).addItem();
        study.setString(Tags.ReferencedSOPClassUID, VR.UI, RtTags.DETACHED_STUDY_MANAGEMENT);
        study.setString(Tags.ReferencedSOPInstanceUID, VR.UI, source.studyInstanceUid());
        Dataset series = study.newSequence(RtTags.RTReferencedSeriesSequence).addItem();
        series.setString(Tags.SeriesInstanceUID, VR.UI, source.seriesInstanceUid());
        Sequence images = series.newSequence(RtTags.ContourImageSequence);
        for (SourceSeries.SourceImage image : source.images()) {
            Dataset item = images.addItem();
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, image.sopClassUid());
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, image.sopInstanceUid());
        }
    }

    private static void writeContour(Dataset item, ReadContent.Contour contour, SourceSeries source, String roiName,
                                     int contourNumber) {
        String where = "contour " + contourNumber + " of ROI '" + roiName + "'";
        PlanarPolygon polygon;
        int k;
        try {
            polygon = PlanarPolygon.of(contour.points());
            k = ContourPlanes.sliceOf(source.grid(), polygon);
        } catch (IllegalArgumentException e) { // includes ContourGeometryException
            throw new InteropException(where + ": " + e.getMessage(), e);
        }
        if (contour.sopInstanceUid() != null) {
            int named = source.sliceOf(contour.sopInstanceUid());
            if (named < 0) {
                throw new InteropException(where + " names image " + contour.sopInstanceUid()
                        + ", which is not in series " + source.seriesInstanceUid());
            }
            if (named != k) {
                throw new InteropException(where + " names image " + contour.sopInstanceUid() + " (slice " + named
                        + ") but its points lie on slice " + k);
            }
        }
        SourceSeries.SourceImage image = source.image(k);
        Dataset ref = item.newSequence(RtTags.ContourImageSequence).addItem();
        ref.setString(Tags.ReferencedSOPClassUID, VR.UI, image.sopClassUid());
        ref.setString(Tags.ReferencedSOPInstanceUID, VR.UI, image.sopInstanceUid());
        item.setInt(RtTags.ContourNumber, VR.IS, contourNumber);
        item.setString(RtTags.ContourGeometricType, VR.CS, "CLOSED_PLANAR");
        item.setInt(RtTags.NumberOfContourPoints, VR.IS, polygon.pointCount());
        item.setDouble(RtTags.ContourData, VR.DS, polygon.coordinates());
        if (item.get(RtTags.ContourData).bytes().length > MAX_SHORT_VALUE) {
            // Explicit VR gives DS a 16-bit length: fall back to 0.1 µm precision before giving up
            double[] xyz = polygon.coordinates();
            String[] text = new String[xyz.length];
            for (int i = 0; i < xyz.length; i++) {
                text[i] = new BigDecimal(xyz[i]).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            }
            item.setString(RtTags.ContourData, VR.DS, text);
            if (item.get(RtTags.ContourData).bytes().length > MAX_SHORT_VALUE) {
                throw new InteropException(where + " has " + polygon.pointCount() + " points, more than Contour Data "
                        + "(DS) can hold in Explicit VR (64 KiB); simplify the contour");
            }
        }
    }
}

package io.delineo.interop.product;

import io.delineo.contour.ReadContent;
import io.delineo.contour.ReadService;
import io.delineo.contour.ReadViews.ReadView;
import io.delineo.contour.raster.MaskContourTracer;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.domain.Refusal;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.rtstruct.RtStruct;
import io.delineo.interop.rtstruct.RtStructReader;
import io.delineo.interop.seg.SegReader;
import io.delineo.interop.seg.Segmentation;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RTSTRUCT and SEG objects from other tools imported as a reader's read of a case (the PI chooses reader and label).
 * ROIs/segments are matched to the study's lesion labels by name, else given the chosen label; SEG masks become
 * contours by pixel-edge tracing, so the imported voxels are exactly the object's voxels.
 */
@ApplicationScoped
public class ImportService {
    static final String RTSTRUCT = "1.2.840.10008.5.1.4.1.1.481.3";
    static final String SEG = "1.2.840.10008.5.1.4.1.1.66.4";
    static final String LABELMAP_SEG = "1.2.840.10008.5.1.4.1.1.66.7";

    @Inject
    StudyAccess access;
    @Inject
    SeriesHeaders headers;
    @Inject
    ReadService reads;

    @Transactional
    public ReadView importRead(long caseId, String reader, String label, byte[] object) {
        StudyCase c = access.caseForPi(caseId);
        if (reader == null || reader.isBlank()) throw Refusal.invalid("name the reader to attribute it to");
        String fallback = label == null || label.isBlank() ? c.study.lesionLabels[0] : label.trim();
        if (!List.of(c.study.lesionLabels).contains(fallback)) {
            throw Refusal.invalid("label must be one of " + List.of(c.study.lesionLabels));
        }
        DicomFile file;
        try {
            file = DicomReader.read(object);
        } catch (DicomException e) {
            throw Refusal.invalid("not a readable DICOM object: " + e.getMessage());
        }
        String sopClass = file.dataset().getString(Tags.SOPClassUID);
        List<String> notes = new ArrayList<>();
        ReadContent content = null;
        String matchedSeries = null;
        List<String> failures = new ArrayList<>();
        for (String series : c.seriesByPhase.values()) {
            SourceSeries source = headers.of(series);
            try {
                if (RTSTRUCT.equals(sopClass)) {
                    RtStruct rt = RtStructReader.read(file.dataset(), source);
                    content = relabel(onSeries(rt.toReadContent(), source, notes), c, fallback);
                    notes.addAll(rt.notes());
                } else if (SEG.equals(sopClass) || LABELMAP_SEG.equals(sopClass)) {
                    Segmentation seg = SegReader.read(file, source);
                    content = fromSegments(seg, source, c, fallback);
                    notes.addAll(seg.notes());
                } else {
                    throw Refusal.invalid("only RT Structure Sets and Segmentations can be imported, not SOP class "
                            + sopClass);
                }
                if (!content.lesions().isEmpty()) {
                    matchedSeries = series;
                    break;
                }
            } catch (InteropException | IllegalArgumentException e) {
                failures.add(series + ": " + e.getMessage());
            }
        }
        if (matchedSeries == null || content == null || content.lesions().isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "the object does not fit any series of case " + caseId
                    + (failures.isEmpty() ? " (it holds no contours on them)" : ": " + String.join("; ", failures)));
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("sopClass", sopClass);
        source.put("sopInstanceUid", file.dataset().getString(Tags.SOPInstanceUID));
        source.put("series", matchedSeries);
        source.put("notes", notes.size() > 20 ? notes.subList(0, 20) : notes);
        return reads.importVersion(c, reader.trim(), content, source);
    }

    /** Contours on images outside the series (e.g. beyond the scanned range) are left out, each with a note. */
    private static ReadContent onSeries(ReadContent content, SourceSeries source, List<String> notes) {
        java.util.Set<String> images = new java.util.HashSet<>();
        source.images().forEach(i -> images.add(i.sopInstanceUid()));
        List<ReadContent.Lesion> out = new ArrayList<>();
        for (ReadContent.Lesion l : content.lesions()) {
            List<ReadContent.Contour> kept = new ArrayList<>();
            for (ReadContent.Contour ct : l.contours()) {
                if (images.contains(ct.sopInstanceUid())) kept.add(ct);
                else notes.add("a contour of " + l.label() + " refers to image " + ct.sopInstanceUid()
                        + ", which is not in the series: left out");
            }
            if (!kept.isEmpty()) out.add(new ReadContent.Lesion(l.id(), l.label(), kept));
        }
        return new ReadContent(out);
    }

    /** ROIs named like a study label keep it; the others take the chosen label. */
    private static ReadContent relabel(ReadContent content, StudyCase c, String fallback) {
        List<ReadContent.Lesion> out = new ArrayList<>();
        for (ReadContent.Lesion l : content.lesions()) {
            out.add(new ReadContent.Lesion(l.id(), labelFor(l.label(), c, fallback), l.contours()));
        }
        return new ReadContent(out);
    }

    private static ReadContent fromSegments(Segmentation seg, SourceSeries source, StudyCase c, String fallback) {
        List<ReadContent.Lesion> lesions = new ArrayList<>();
        for (Segmentation.Segment s : seg.segments()) {
            List<ReadContent.Contour> contours = new ArrayList<>();
            for (MaskContourTracer.SliceContour sc : MaskContourTracer.trace(s.mask())) {
                List<double[]> points = new ArrayList<>();
                for (int n = 0; n < sc.polygon().pointCount(); n++) points.add(sc.polygon().point(n));
                contours.add(new ReadContent.Contour(source.image(sc.k()).sopInstanceUid(), points));
            }
            if (!contours.isEmpty()) {
                lesions.add(new ReadContent.Lesion("segment-" + s.number(), labelFor(s.label(), c, fallback), contours));
            }
        }
        return new ReadContent(lesions);
    }

    private static String labelFor(String name, StudyCase c, String fallback) {
        if (name != null) {
            for (String l : c.study.lesionLabels) {
                if (l.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) return l;
            }
        }
        return fallback;
    }
}

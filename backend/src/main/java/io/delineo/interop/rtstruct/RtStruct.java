package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadContent;

import java.util.ArrayList;
import java.util.List;

/**
 * An RT Structure Set as read: its ROIs with their closed planar contours, and notes on what was skipped or
 * repaired while reading (never silently).
 */
public record RtStruct(String sopInstanceUid, String structureSetLabel, String frameOfReferenceUid, List<Roi> rois,
                       List<String> notes) {
    public RtStruct {
        rois = List.copyOf(rois);
        notes = List.copyOf(notes);
    }

    /**
     * One ROI.
     *
     * @param color    ROI Display Color (R, G, B 0-255) or null when absent
     * @param contours closed planar contours, each naming its image (null when it could not be matched)
     */
    public record Roi(int number, String name, int[] color, String generationAlgorithm,
                      List<ReadContent.Contour> contours) {
        public Roi {
            contours = List.copyOf(contours);
        }
    }

    /** The ROIs as lesions of a read (id {@code roi-<number>}, label = ROI name); unmatched contours are left out. */
    public ReadContent toReadContent() {
        List<ReadContent.Lesion> lesions = new ArrayList<>();
        for (Roi roi : rois) {
            List<ReadContent.Contour> matched = roi.contours().stream().filter(c -> c.sopInstanceUid() != null).toList();
            lesions.add(new ReadContent.Lesion("roi-" + roi.number(), roi.name(), matched));
        }
        return new ReadContent(lesions);
    }

    public Roi roi(String name) {
        return rois.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ROI named '" + name + "'"));
    }
}

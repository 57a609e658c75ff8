package io.delineo.contour;

import java.util.List;

/**
 * The canonical form of a reader's work on a case (the RTSTRUCT model): lesions, each a set of planar contours in
 * DICOM patient coordinates (mm), each contour on the image named by its SOP Instance UID. The agreement engine,
 * features and exports read only this form.
 */
public record ReadContent(List<Lesion> lesions) {
    public ReadContent {
        lesions = lesions == null ? List.of() : List.copyOf(lesions);
    }

    public static ReadContent empty() {
        return new ReadContent(List.of());
    }

    public record Lesion(String id, String label, List<Contour> contours) {
        public Lesion {
            contours = contours == null ? List.of() : List.copyOf(contours);
        }
    }

    /** A closed polygon; the closing edge from the last point back to the first is implied. */
    public record Contour(String sopInstanceUid, List<double[]> points) {
        public Contour {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }
}

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

    /** A lesion on one series (the viewer draws a lesion on one phase); {@code seriesInstanceUid} may be derived. */
    public record Lesion(String id, String label, String seriesInstanceUid, List<Contour> contours) {
        public Lesion {
            contours = contours == null ? List.of() : List.copyOf(contours);
        }

        public Lesion(String id, String label, List<Contour> contours) {
            this(id, label, null, contours);
        }
    }

    /**
     * A closed polygon; the closing edge from the last point back to the first is implied. {@code origin} is advisory
     * (freehand, spline, livewire, interpolated, brush, imported): the geometry alone defines the lesion.
     */
    public record Contour(String sopInstanceUid, List<double[]> points, String origin) {
        public Contour {
            points = points == null ? List.of() : List.copyOf(points);
        }

        public Contour(String sopInstanceUid, List<double[]> points) {
            this(sopInstanceUid, points, null);
        }
    }

    /** The same content with each lesion's series filled in from its contours' images (when it is not given). */
    public ReadContent withSeries(java.util.function.Function<String, String> seriesOfImage) {
        List<Lesion> out = new java.util.ArrayList<>();
        for (Lesion l : lesions) {
            String series = l.seriesInstanceUid();
            if (series == null) {
                series = l.contours().stream().map(c -> seriesOfImage.apply(c.sopInstanceUid()))
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            out.add(new Lesion(l.id(), l.label(), series, l.contours()));
        }
        return new ReadContent(out);
    }
}

package io.delineo.contour;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side checks of a read before it is saved: known lesion labels, closed non-degenerate polygons of at least
 * three points, every point on the plane of its referenced image, referenced images belonging to the case, one series
 * per lesion, and size limits. Returns the first problem as a sentence naming the lesion and contour.
 */
public final class ReadValidator {
    public static final double PLANE_TOLERANCE_MM = 0.1;
    /*
     * Limits sized for pNEN work with room to spare: a case has a few lesions (primary, nodes, liver metastases) on
     * 3-4 phases of 60-150 slices, so a thorough read holds a few hundred contours; a freehand or brush outline of a
     * large liver metastasis at 0.7 mm pixels has a few hundred to a few thousand points. 2,000 contours x ~1,000
     * points is the 2,000,000-point ceiling (~120 MB of JSON at ~60 bytes a point, under delineo.limits.json-bytes).
     */
    static final int MAX_LESIONS = 50;
    static final int MAX_CONTOURS_PER_LESION = 2000;
    static final int MAX_CONTOURS_PER_READ = 2000;
    static final int MAX_POINTS_PER_CONTOUR = 20_000;
    static final long MAX_POINTS_PER_READ = 2_000_000;

    private ReadValidator() {
    }

    /**
     * @param labels the study's lesion labels
     * @param planes the case's images (SOP Instance UID → plane); anything else is not part of the case
     */
    public static List<String> problems(ReadContent read, List<String> labels, Map<String, ImagePlane> planes) {
        List<String> problems = new ArrayList<>();
        if (read.lesions().size() > MAX_LESIONS) {
            problems.add("a read may hold at most " + MAX_LESIONS + " lesions, this one has " + read.lesions().size());
            return problems;
        }
        long contours = 0, points = 0;
        for (ReadContent.Lesion lesion : read.lesions()) {
            contours += lesion.contours().size();
            for (ReadContent.Contour c : lesion.contours()) points += c.points() == null ? 0 : c.points().size();
        }
        if (contours > MAX_CONTOURS_PER_READ) {
            problems.add("a read may hold at most " + MAX_CONTOURS_PER_READ + " contours, this one has " + contours);
            return problems;
        }
        if (points > MAX_POINTS_PER_READ) {
            problems.add("a read may hold at most " + MAX_POINTS_PER_READ + " points in all its contours, this one has "
                    + points);
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int l = 0; l < read.lesions().size(); l++) {
            ReadContent.Lesion lesion = read.lesions().get(l);
            String where = "lesion " + (l + 1) + (lesion.label() == null ? "" : " (" + lesion.label() + ")");
            if (lesion.id() == null || lesion.id().isBlank() || lesion.id().length() > 64) {
                problems.add(where + ": needs an id of 1 to 64 characters");
            } else if (!ids.add(lesion.id())) {
                problems.add(where + ": id " + lesion.id() + " is used twice");
            }
            if (lesion.label() == null || !labels.contains(lesion.label())) {
                problems.add(where + ": label must be one of " + labels);
            }
            if (lesion.contours().size() > MAX_CONTOURS_PER_LESION) {
                problems.add(where + ": " + lesion.contours().size() + " contours; a lesion may have at most "
                        + MAX_CONTOURS_PER_LESION);
                continue;
            }
            Set<String> series = new HashSet<>();
            for (int c = 0; c < lesion.contours().size(); c++) {
                String at = where + ", contour " + (c + 1);
                ReadContent.Contour contour = lesion.contours().get(c);
                if (contour.points().size() > MAX_POINTS_PER_CONTOUR) {
                    problems.add(at + ": " + contour.points().size() + " points; a contour may have at most "
                            + MAX_POINTS_PER_CONTOUR);
                    continue;
                }
                ImagePlane plane = contour.sopInstanceUid() == null ? null : planes.get(contour.sopInstanceUid());
                if (plane == null) {
                    problems.add(at + ": image " + contour.sopInstanceUid() + " is not part of this case");
                    continue;
                }
                series.add(plane.seriesInstanceUid());
                contourProblem(contour, plane).ifPresent(p -> problems.add(at + ": " + p));
            }
            if (series.size() > 1) {
                problems.add(where + ": contours lie on " + series.size() + " different series; a lesion is drawn on one");
            } else if (lesion.seriesInstanceUid() != null && series.size() == 1
                    && !series.contains(lesion.seriesInstanceUid())) {
                problems.add(where + ": its contours lie on series " + series.iterator().next()
                        + ", not on the lesion's series " + lesion.seriesInstanceUid());
            }
        }
        return problems;
    }

    private static java.util.Optional<String> contourProblem(ReadContent.Contour contour, ImagePlane plane) {
        List<double[]> points = new ArrayList<>(contour.points());
        if (points.size() > MAX_POINTS_PER_CONTOUR) {
            return java.util.Optional.of(points.size() + " points; a contour may have at most " + MAX_POINTS_PER_CONTOUR);
        }
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (p == null || p.length != 3 || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !Double.isFinite(p[2])) {
                return java.util.Optional.of("point " + (i + 1) + " is not three finite coordinates");
            }
        }
        // an explicitly repeated first point closes the polygon; it is not a vertex of its own
        if (points.size() > 1 && same(points.get(0), points.get(points.size() - 1))) points.remove(points.size() - 1);
        if (points.size() < 3) return java.util.Optional.of("a closed contour needs at least 3 points");
        for (int i = 0; i < points.size(); i++) {
            double d = plane.distance(points.get(i));
            if (d > PLANE_TOLERANCE_MM) {
                return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                        "point %d lies %.2f mm off the plane of image %s (tolerance %.1f mm)", i + 1, d,
                        contour.sopInstanceUid(), PLANE_TOLERANCE_MM));
            }
        }
        if (plane.area(points) < 1e-6) return java.util.Optional.of("the polygon encloses no area");
        return java.util.Optional.empty();
    }

    private static boolean same(double[] a, double[] b) {
        return Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9 && Math.abs(a[2] - b[2]) < 1e-9;
    }
}

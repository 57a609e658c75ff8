package io.delineo.archive.volume;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link SeriesVolume} from the single-frame images of a series: slices sorted along the normal of their
 * common orientation, with the checks later computations rely on. Refuses, naming the instances concerned: mixed
 * orientations or image sizes, two slices at one position, gantry tilt (slices shifted in-plane), missing slices and
 * otherwise non-uniform spacing.
 */
public final class SeriesVolumeBuilder {
    /** direction cosines may differ by this much and still count as one orientation */
    static final double ORIENTATION_TOLERANCE = 1e-4;
    /** relative deviation of a slice gap from the series spacing that is still uniform */
    static final double SPACING_TOLERANCE = 0.01;
    /** in-plane shift between slices (mm per mm along the normal) beyond which the stack is tilted */
    static final double TILT_TOLERANCE = 1e-3;

    private SeriesVolumeBuilder() {
    }

    /** The grid and slice order of a series, without decoding any pixels. */
    public record Geometry(ImageGrid grid, List<SliceInput> sortedSlices, String frameOfReferenceUid) {
        public List<String> sopInstanceUids() {
            return sortedSlices.stream().map(SliceInput::sopInstanceUid).toList();
        }
    }

    public static SeriesVolume build(List<SliceInput> slices) {
        Geometry g = geometry(slices);
        ImageGrid grid = g.grid();
        float[] data = new float[grid.size()];
        int sliceSize = grid.sliceSize();
        for (int k = 0; k < grid.nz(); k++) {
            SliceInput s = g.sortedSlices().get(k);
            float[] pixels = s.pixels().get();
            if (pixels.length != sliceSize) {
                throw new VolumeGeometryException("instance " + s.sopInstanceUid() + " decoded to " + pixels.length
                        + " values, expected " + sliceSize);
            }
            System.arraycopy(pixels, 0, data, k * sliceSize, sliceSize);
        }
        return new SeriesVolume(new Volume(grid, data), g.sopInstanceUids(), g.frameOfReferenceUid());
    }

    public static Geometry geometry(List<SliceInput> slices) {
        if (slices.isEmpty()) throw new VolumeGeometryException("the series has no images");
        SliceInput first = slices.get(0);
        for (SliceInput s : slices) requireGeometry(s);
        for (SliceInput s : slices) {
            if (!sameVector(s.imageOrientationPatient(), first.imageOrientationPatient())) {
                throw new VolumeGeometryException("mixed orientations in the series: instance " + s.sopInstanceUid()
                        + " has Image Orientation (Patient) " + Arrays.toString(s.imageOrientationPatient())
                        + ", instance " + first.sopInstanceUid() + " has "
                        + Arrays.toString(first.imageOrientationPatient()));
            }
            if (s.rows() != first.rows() || s.columns() != first.columns()
                    || !sameVector(s.pixelSpacing(), first.pixelSpacing())) {
                throw new VolumeGeometryException("mixed image sizes in the series: instance " + s.sopInstanceUid()
                        + " is " + s.rows() + "x" + s.columns() + " at " + Arrays.toString(s.pixelSpacing())
                        + " mm, instance " + first.sopInstanceUid() + " is " + first.rows() + "x" + first.columns()
                        + " at " + Arrays.toString(first.pixelSpacing()) + " mm");
            }
            if (first.frameOfReferenceUid() != null && s.frameOfReferenceUid() != null
                    && !first.frameOfReferenceUid().equals(s.frameOfReferenceUid())) {
                throw new VolumeGeometryException("the series mixes frames of reference (" + first.frameOfReferenceUid()
                        + " and " + s.frameOfReferenceUid() + ")");
            }
        }
        double[] iop = first.imageOrientationPatient();
        double[] row = unit(new double[]{iop[0], iop[1], iop[2]}, first);
        double[] col = unit(new double[]{iop[3], iop[4], iop[5]}, first);
        if (Math.abs(dot(row, col)) > 1e-3) {
            throw new VolumeGeometryException("Image Orientation (Patient) of " + first.sopInstanceUid()
                    + " has non-perpendicular row and column directions");
        }
        double[] normal = cross(row, col);

        List<SliceInput> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingDouble(s -> dot(s.imagePositionPatient(), normal)));
        double spacing = checkSpacing(sorted, normal);
        checkTilt(sorted, normal);

        ImageGrid grid = new ImageGrid(first.columns(), first.rows(), sorted.size(),
                sorted.get(0).imagePositionPatient(), row, col, normal, first.pixelSpacing()[1],
                first.pixelSpacing()[0], spacing);
        return new Geometry(grid, List.copyOf(sorted), first.frameOfReferenceUid());
    }

    private static double checkSpacing(List<SliceInput> sorted, double[] normal) {
        if (sorted.size() == 1) {
            Double t = sorted.get(0).sliceThickness();
            return t != null && t > 0 ? t : 1.0;
        }
        double[] gaps = new double[sorted.size() - 1];
        for (int k = 1; k < sorted.size(); k++) {
            gaps[k - 1] = dot(sorted.get(k).imagePositionPatient(), normal)
                    - dot(sorted.get(k - 1).imagePositionPatient(), normal);
            if (gaps[k - 1] < 1e-3) {
                throw new VolumeGeometryException("two slices at the same position: instances "
                        + sorted.get(k - 1).sopInstanceUid() + " and " + sorted.get(k).sopInstanceUid()
                        + " (several acquisitions or duplicates in one series)");
            }
        }
        double[] ordered = gaps.clone();
        Arrays.sort(ordered);
        double spacing = ordered[ordered.length / 2];
        for (int k = 0; k < gaps.length; k++) {
            if (Math.abs(gaps[k] - spacing) > SPACING_TOLERANCE * spacing) {
                long multiple = Math.round(gaps[k] / spacing);
                String where = " between instances " + sorted.get(k).sopInstanceUid() + " and "
                        + sorted.get(k + 1).sopInstanceUid();
                if (multiple >= 2 && Math.abs(gaps[k] - multiple * spacing) <= SPACING_TOLERANCE * spacing) {
                    throw new VolumeGeometryException("missing slices: a gap of " + round(gaps[k]) + " mm" + where
                            + " where the series spacing is " + round(spacing) + " mm (" + (multiple - 1)
                            + " slice(s) missing)");
                }
                throw new VolumeGeometryException("non-uniform slice spacing: " + round(gaps[k]) + " mm" + where
                        + ", " + round(spacing) + " mm elsewhere");
            }
        }
        return spacing;
    }

    /** Successive positions must move along the normal only; an in-plane shift means a tilted (sheared) stack. */
    private static void checkTilt(List<SliceInput> sorted, double[] normal) {
        double[] p0 = sorted.get(0).imagePositionPatient();
        for (int k = 1; k < sorted.size(); k++) {
            double[] d = sub(sorted.get(k).imagePositionPatient(), p0);
            double along = dot(d, normal);
            double[] inPlane = sub(d, scale(normal, along));
            double shift = Math.sqrt(dot(inPlane, inPlane));
            if (shift > TILT_TOLERANCE * Math.abs(along) + 1e-3) {
                throw new VolumeGeometryException("gantry tilt or sheared stack: instance "
                        + sorted.get(k).sopInstanceUid() + " is shifted " + round(shift) + " mm in-plane over "
                        + round(along) + " mm along the slice normal (tilt about "
                        + round(Math.toDegrees(Math.atan2(shift, Math.abs(along)))) + " degrees); "
                        + "the series must be resampled to an orthogonal grid first");
            }
        }
    }

    private static void requireGeometry(SliceInput s) {
        if (s.imagePositionPatient() == null) throw missing(s, "Image Position (Patient)");
        if (s.imageOrientationPatient() == null) throw missing(s, "Image Orientation (Patient)");
        if (s.pixelSpacing() == null) throw missing(s, "Pixel Spacing");
        if (s.rows() <= 0 || s.columns() <= 0) throw missing(s, "Rows/Columns");
        if (!(s.pixelSpacing()[0] > 0 && s.pixelSpacing()[1] > 0)) {
            throw new VolumeGeometryException("instance " + s.sopInstanceUid() + " has a non-positive Pixel Spacing");
        }
    }

    private static VolumeGeometryException missing(SliceInput s, String what) {
        return new VolumeGeometryException("instance " + s.sopInstanceUid() + " lacks " + what
                + ", so it cannot be placed in a volume");
    }

    private static boolean sameVector(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > ORIENTATION_TOLERANCE) return false;
        return true;
    }

    private static double[] unit(double[] v, SliceInput s) {
        double n = Math.sqrt(dot(v, v));
        if (Math.abs(n - 1) > 0.01) {
            throw new VolumeGeometryException("Image Orientation (Patient) of " + s.sopInstanceUid()
                    + " is not made of unit vectors");
        }
        return new double[]{v[0] / n, v[1] / n, v[2] / n};
    }

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] sub(double[] a, double[] b) { return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    private static double[] scale(double[] a, double f) { return new double[]{a[0] * f, a[1] * f, a[2] * f}; }

    private static String round(double v) { return String.format(java.util.Locale.ROOT, "%.3g", v); }
}

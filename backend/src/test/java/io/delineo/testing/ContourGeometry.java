package io.delineo.testing;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds contour JSON for tests from real image geometry: pixel (column,row) → patient mm on that image. */
public final class ContourGeometry {
    private ContourGeometry() {
    }

    public static double[] patient(Dataset ds, double column, double row) {
        double[] ipp = ds.getDoubles(Tags.ImagePositionPatient);
        double[] iop = ds.getDoubles(Tags.ImageOrientationPatient);
        double[] spacing = ds.getDoubles(Tags.PixelSpacing); // row spacing, column spacing
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) p[a] = ipp[a] + column * spacing[1] * iop[a] + row * spacing[0] * iop[3 + a];
        return p;
    }

    /** A square of side {@code size} pixels centred at pixel (cx, cy) on the image. */
    public static Map<String, Object> square(byte[] image, double cx, double cy, double size) {
        Dataset ds = DicomReader.read(image).dataset();
        double h = size / 2;
        List<double[]> points = new ArrayList<>();
        for (double[] c : new double[][]{{cx - h, cy - h}, {cx + h, cy - h}, {cx + h, cy + h}, {cx - h, cy + h}}) {
            points.add(patient(ds, c[0], c[1]));
        }
        return Map.of("sopInstanceUid", ds.getString(Tags.SOPInstanceUID), "points", points);
    }

    public static Map<String, Object> lesion(String id, String label, List<Map<String, Object>> contours) {
        return Map.of("id", id, "label", label, "contours", contours);
    }

    public static Map<String, Object> read(List<Map<String, Object>> lesions) {
        return Map.of("lesions", lesions);
    }
}

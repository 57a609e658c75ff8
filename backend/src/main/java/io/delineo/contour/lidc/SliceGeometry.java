package io.delineo.contour.lidc;

/**
 * The geometry of one DICOM image, as needed to place pixel coordinates in the patient system.
 *
 * @param imagePositionPatient    (0020,0032): patient position (mm) of the centre of the first transmitted pixel
 * @param imageOrientationPatient (0020,0037): direction cosines of the first row (towards increasing column) then of
 *                                the first column (towards increasing row)
 * @param rowSpacingMm            (0028,0030) first value: distance between adjacent rows (along the column direction)
 * @param columnSpacingMm         (0028,0030) second value: distance between adjacent columns (along the row direction)
 */
public record SliceGeometry(String sopInstanceUid, double[] imagePositionPatient, double[] imageOrientationPatient,
                            double rowSpacingMm, double columnSpacingMm, int rows, int columns) {
    public SliceGeometry {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) throw new IllegalArgumentException("SOP Instance UID is required");
        if (imagePositionPatient == null || imagePositionPatient.length != 3) {
            throw new IllegalArgumentException(sopInstanceUid + ": Image Position (Patient) needs 3 values");
        }
        if (imageOrientationPatient == null || imageOrientationPatient.length != 6) {
            throw new IllegalArgumentException(sopInstanceUid + ": Image Orientation (Patient) needs 6 values");
        }
        for (double v : imagePositionPatient) if (!Double.isFinite(v)) throw new IllegalArgumentException(sopInstanceUid + ": non-finite position");
        for (double v : imageOrientationPatient) if (!Double.isFinite(v)) throw new IllegalArgumentException(sopInstanceUid + ": non-finite orientation");
        if (!(rowSpacingMm > 0 && columnSpacingMm > 0) || !Double.isFinite(rowSpacingMm + columnSpacingMm)) {
            throw new IllegalArgumentException(sopInstanceUid + ": pixel spacing must be positive, got " + rowSpacingMm + "\\" + columnSpacingMm);
        }
        if (rows <= 0 || columns <= 0) throw new IllegalArgumentException(sopInstanceUid + ": rows and columns must be positive");
        imagePositionPatient = imagePositionPatient.clone();
        imageOrientationPatient = imageOrientationPatient.clone();
    }

    /** Patient coordinates (mm) of pixel position (column, row); integers are pixel centres. */
    public double[] pixelToPatient(double column, double row) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = imagePositionPatient[a] + column * columnSpacingMm * imageOrientationPatient[a]
                    + row * rowSpacingMm * imageOrientationPatient[3 + a];
        }
        return p;
    }

    @Override public double[] imagePositionPatient() { return imagePositionPatient.clone(); }
    @Override public double[] imageOrientationPatient() { return imageOrientationPatient.clone(); }
}

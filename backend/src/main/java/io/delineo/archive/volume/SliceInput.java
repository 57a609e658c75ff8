package io.delineo.archive.volume;

import java.util.function.Supplier;

/**
 * One single-frame image of a series, as the volume builder needs it: geometry from its header and a way to get its
 * real-valued pixels (decoded only after the geometry checks passed).
 *
 * @param pixelSpacing row spacing then column spacing (DICOM order)
 */
public record SliceInput(String sopInstanceUid, String frameOfReferenceUid, double[] imagePositionPatient,
                         double[] imageOrientationPatient, double[] pixelSpacing, Double sliceThickness, int rows,
                         int columns, Supplier<float[]> pixels) {
}

package io.delineo.interop.seg;

import io.delineo.dicom.Code;
import io.delineo.imaging.BitMask;

/**
 * One segment to write.
 *
 * @param label         Segment Label, e.g. the lesion label (LO, at most 64 characters)
 * @param algorithmName required unless the type is MANUAL (e.g. "Delineo STAPLE consensus")
 * @param rgb           display colour (converted to Recommended Display CIELab Value), or null
 */
public record SegmentSpec(String label, BitMask mask, SegmentAlgorithmType algorithmType, String algorithmName,
                          Code category, Code type, int[] rgb) {
    public SegmentSpec {
        if (label == null || label.isBlank() || label.length() > 64) {
            throw new IllegalArgumentException("segment label must be 1-64 characters, got '" + label + "'");
        }
        if (mask == null || algorithmType == null || category == null || type == null) {
            throw new IllegalArgumentException("segment '" + label + "' needs a mask, algorithm type and codes");
        }
        if (algorithmType != SegmentAlgorithmType.MANUAL && (algorithmName == null || algorithmName.isBlank())) {
            throw new IllegalArgumentException("segment '" + label + "' is " + algorithmType
                    + ", so it needs an algorithm name (Segment Algorithm Name is required then)");
        }
        if (rgb != null && rgb.length != 3) throw new IllegalArgumentException("rgb needs three components");
    }

    /** A lesion drawn by a reader: morphologically abnormal structure / neoplasm, MANUAL. */
    public static SegmentSpec manualLesion(String label, BitMask mask, int[] rgb) {
        return new SegmentSpec(label, mask, SegmentAlgorithmType.MANUAL, null,
                SegCodes.MORPHOLOGICALLY_ABNORMAL_STRUCTURE, SegCodes.NEOPLASM, rgb);
    }

    /** A consensus lesion: SEMIAUTOMATIC with the consensus method as algorithm name. */
    public static SegmentSpec consensusLesion(String label, BitMask mask, String method, int[] rgb) {
        return new SegmentSpec(label, mask, SegmentAlgorithmType.SEMIAUTOMATIC, method,
                SegCodes.MORPHOLOGICALLY_ABNORMAL_STRUCTURE, SegCodes.NEOPLASM, rgb);
    }
}

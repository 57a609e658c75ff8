package io.delineo.interop.seg;

import io.delineo.dicom.Code;

/**
 * Codes written in segmentations. Values and meanings as in PS3.16 (checked against pydicom 2.3.1's PS3.16 concept
 * tables, {@code pydicom/sr/_concepts_dict.py}: 49755003 is in CID 7150 "Segmentation Property Categories",
 * 108369006 in CID 7151 "Segmentation Property Types", 121322 in CID 7202, 113076 in CID 7203).
 */
public final class SegCodes {
    private SegCodes() {
    }

    /** Segmented Property Category for lesions. */
    public static final Code MORPHOLOGICALLY_ABNORMAL_STRUCTURE =
            new Code("49755003", "SCT", "Morphologically Abnormal Structure");
    /** Segmented Property Type for a tumour lesion. */
    public static final Code NEOPLASM = new Code("108369006", "SCT", "Neoplasm");
    /** Purpose of Reference of a source image. */
    public static final Code SOURCE_IMAGE_FOR_PROCESSING =
            new Code("121322", "DCM", "Source image for image processing operation");
    /** Derivation Code of a segmentation frame. */
    public static final Code SEGMENTATION = new Code("113076", "DCM", "Segmentation");
}

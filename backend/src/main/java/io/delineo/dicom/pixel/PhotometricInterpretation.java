package io.delineo.dicom.pixel;

/** (0028,0004) Photometric Interpretation defined terms (PS3.3 C.7.6.3.1.2). */
public enum PhotometricInterpretation {
    MONOCHROME1, MONOCHROME2, PALETTE_COLOR, RGB, HSV, ARGB, CMYK, YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422,
    YBR_PARTIAL_420, YBR_ICT, YBR_RCT, XYB;

    /** Parses the DICOM text ("PALETTE COLOR" has a space). */
    public static PhotometricInterpretation of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Photometric Interpretation (0028,0004) is missing");
        }
        try {
            return valueOf(text.trim().replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Photometric Interpretation '" + text.trim() + "'", e);
        }
    }

    public boolean isMonochrome() {
        return this == MONOCHROME1 || this == MONOCHROME2;
    }

    /** The YCbCr interpretations whose full-range values convert to RGB with the JPEG/BT.601 equations. */
    public boolean isFullRangeYbr() {
        return this == YBR_FULL || this == YBR_FULL_422;
    }

    /** The DICOM text of the term. */
    public String dicomName() {
        return this == PALETTE_COLOR ? "PALETTE COLOR" : name();
    }
}

package io.delineo.interop.rtstruct;

/** ROI Generation Algorithm (3006,0036), PS3.3 C.8.8.5: how the ROI was made. */
public enum RoiGenerationAlgorithm {
    /** calculated ROI */
    AUTOMATIC,
    /** ROI calculated with user assistance (e.g. a consensus of readers' contours, then edited) */
    SEMIAUTOMATIC,
    /** user-entered ROI (a reader's delineation) */
    MANUAL
}

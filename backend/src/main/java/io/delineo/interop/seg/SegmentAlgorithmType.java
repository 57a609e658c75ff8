package io.delineo.interop.seg;

/** Segment Algorithm Type (0062,0008), PS3.3 C.8.20.2. */
public enum SegmentAlgorithmType {
    /** calculated segmentation */
    AUTOMATIC,
    /** calculated with user assistance (Delineo: a consensus of the readers' masks) */
    SEMIAUTOMATIC,
    /** user-entered (Delineo: one reader's delineation) */
    MANUAL
}

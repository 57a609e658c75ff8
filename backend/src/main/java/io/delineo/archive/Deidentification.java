package io.delineo.archive;

import io.delineo.dicom.DicomFile;

/**
 * De-identification applied on ingest when an upload asks for it (implemented by the interop capability, which owns
 * the confidentiality profile and the UID mappings). The archive only ever stores the transformed object.
 */
public interface Deidentification {
    /** Options of PS3.15's Basic Application Level Confidentiality Profile that an upload may choose. */
    record Options(boolean retainLongitudinalDates, boolean cleanDescriptors) {
    }

    DicomFile apply(DicomFile original, Options options);
}

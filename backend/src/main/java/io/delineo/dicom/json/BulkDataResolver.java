package io.delineo.dicom.json;

import io.delineo.dicom.DicomException;
import io.delineo.dicom.VR;

/** Fetches the bytes behind a BulkDataURI while reading DICOM JSON. */
@FunctionalInterface
public interface BulkDataResolver {
    /** Drops attributes that only have a BulkDataURI (metadata-only use such as QIDO/WADO metadata). */
    BulkDataResolver SKIP = (uri, tag, vr) -> null;

    /** Refuses BulkDataURIs. */
    BulkDataResolver FAIL = (uri, tag, vr) -> {
        throw new DicomException("DICOM JSON references bulk data " + uri + " but no resolver was given");
    };

    /** The value bytes (little endian for OW/OF/...), or null to leave the attribute out. */
    byte[] resolve(String uri, int tag, VR vr);
}

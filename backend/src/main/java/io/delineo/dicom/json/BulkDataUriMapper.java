package io.delineo.dicom.json;

import io.delineo.dicom.Attribute;

/**
 * Decides which binary values (OB, OD, OF, OL, OV, OW, UN and pixel data) are referenced by a BulkDataURI instead of
 * inlined as base64. The path names the attribute: tags as GGGGEEEE joined by '/', with sequence item indexes
 * between them (e.g. "7FE00010", "00540016/0/00181072").
 */
@FunctionalInterface
public interface BulkDataUriMapper {
    /** Inline everything (encapsulated pixel data cannot be inlined and then fails). */
    BulkDataUriMapper INLINE = (path, attribute) -> null;

    /** The URI for the value, or null to inline it. */
    String uriFor(String path, Attribute attribute);
}

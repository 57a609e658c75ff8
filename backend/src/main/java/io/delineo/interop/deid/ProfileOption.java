package io.delineo.interop.deid;

import io.delineo.dicom.Code;

/** Options of the profile (columns of PS3.15 Table E.1-1) with their CID 7050 codes and table keys. */
public enum ProfileOption {
    RETAIN_SAFE_PRIVATE("safePriv", "113111", "Retain Safe Private Option"),
    RETAIN_UIDS("uids", "113110", "Retain UIDs Option"),
    RETAIN_DEVICE_IDENTITY("devId", "113109", "Retain Device Identity Option"),
    RETAIN_INSTITUTION_IDENTITY("instId", "113112", "Retain Institution Identity Option"),
    RETAIN_PATIENT_CHARACTERISTICS("patChars", "113108", "Retain Patient Characteristics Option"),
    RETAIN_LONGITUDINAL_FULL_DATES("fullDates", "113106", "Retain Longitudinal Temporal Information Full Dates Option"),
    RETAIN_LONGITUDINAL_MODIFIED_DATES("modDates", "113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    CLEAN_DESCRIPTORS("cleanDesc", "113105", "Clean Descriptors Option"),
    CLEAN_STRUCTURED_CONTENT("cleanStruct", "113104", "Clean Structured Content Option"),
    CLEAN_GRAPHICS("cleanGraph", "113103", "Clean Graphics Option");

    /** The profile itself (CID 7050). */
    public static final Code BASIC_PROFILE = new Code("113100", "DCM", "Basic Application Confidentiality Profile");

    private final String key;
    private final Code code;

    ProfileOption(String key, String codeValue, String meaning) {
        this.key = key;
        this.code = new Code(codeValue, "DCM", meaning);
    }

    public String key() {
        return key;
    }

    public Code code() {
        return code;
    }

    static ProfileOption ofKey(String key) {
        for (ProfileOption o : values()) if (o.key.equals(key)) return o;
        throw new IllegalArgumentException("unknown profile option key '" + key + "'");
    }
}

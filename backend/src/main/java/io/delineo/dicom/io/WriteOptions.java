package io.delineo.dicom.io;

/**
 * Choices for {@link DicomWriter}.
 *
 * @param undefinedLengthSequences write sequences and items with undefined length (delimiters) instead of computed lengths
 * @param implementationClassUid   (0002,0012) written in the file meta information
 * @param implementationVersionName (0002,0013)
 */
public record WriteOptions(boolean undefinedLengthSequences, String implementationClassUid, String implementationVersionName) {
    /** Delineo's implementation class UID (a 2.25 UUID-derived UID, fixed for this codec). */
    public static final String DELINEO_IMPLEMENTATION_UID = "2.25.163386538649313768042252183408014757185";
    public static final String DELINEO_VERSION_NAME = "DELINEO_DICOM_1";

    public static final WriteOptions DEFAULTS = new WriteOptions(false, DELINEO_IMPLEMENTATION_UID, DELINEO_VERSION_NAME);

    public WriteOptions {
        if (implementationClassUid == null || implementationClassUid.isEmpty()) {
            throw new IllegalArgumentException("an implementation class UID is required");
        }
        if (implementationVersionName != null && implementationVersionName.length() > 16) {
            throw new IllegalArgumentException("implementation version name is at most 16 characters");
        }
    }

    public WriteOptions withUndefinedLengthSequences(boolean undefined) {
        return new WriteOptions(undefined, implementationClassUid, implementationVersionName);
    }
}

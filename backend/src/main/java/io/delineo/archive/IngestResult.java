package io.delineo.archive;

/** The outcome of storing one object, as reported per instance in the STOW-RS response. */
public record IngestResult(Status status, String sopClassUid, String sopInstanceUid, String studyInstanceUid,
                           String seriesInstanceUid, int failureReason, String message) {

    public enum Status { STORED, ALREADY_STORED, REPLACED, FAILED }

    /** PS3.4 GG.4 / PS3.18 failure reasons used by the archive. */
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int CANNOT_UNDERSTAND = 0xC000;

    public boolean failed() { return status == Status.FAILED; }

    static IngestResult failed(int reason, String message, String sopClassUid, String sopInstanceUid) {
        return new IngestResult(Status.FAILED, sopClassUid, sopInstanceUid, null, null, reason, message);
    }
}

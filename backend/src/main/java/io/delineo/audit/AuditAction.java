package io.delineo.audit;

/**
 * Every action the audit trail records, with the kind of resource it is recorded against. The constant's name is the
 * action string stored in {@code audit_event.action}, so renaming a constant would orphan the events already stored:
 * add, never rename. A few actions are also recorded against a neighbouring resource (a study-wide agreement read is
 * on the reader study, a PI's read of every reader's contours is on the case, a DICOM retrieval is on the study,
 * series or instance asked for); the type here is the usual one.
 */
public enum AuditAction {
    ACCESS_DENIED("http"),
    AGREEMENT_READ("case"),
    AUDIT_QUERY("audit"),
    AUDIT_VERIFY("audit"),
    BOARD_CASE_VIEW("case"),
    BOARD_DECISION("case"),
    BOARD_DECISION_READ("case"),
    BOARD_RELEASE("case"),
    BOARD_WITHDRAW("case"),
    CASE_ADD("case"),
    CASE_OPEN("case"),
    CASE_REMOVE("case"),
    CASE_UPDATE("case"),
    CONSENSUS_APPROVE("consensus"),
    CONSENSUS_CREATE("consensus"),
    CONSENSUS_EXPORT("consensus"),
    CONSENSUS_READ("case"),
    CONTOUR_EXPORT("read"),
    CONTOUR_IMPORT("read"),
    CONTOUR_READ("read"),
    CONTOUR_SAVE("read"),
    CONTOUR_SUBMIT("read"),
    DEID_MAPPING_READ("deid-map"),
    DICOM_DEIDENTIFY("study"),
    DICOM_INSTANCES_ACCESSED("series"),
    DICOM_RETRIEVE("series"),
    DICOM_SEARCH("archive"),
    DICOM_STORE("instance"),
    FEATURE_COMPUTE("feature-set"),
    FEATURE_EXPORT("reader-study"),
    FEATURE_JOB_CREATE("feature-job"),
    FEATURE_READ("case"),
    FEATURE_ROBUSTNESS_READ("reader-study"),
    FEATURE_ROBUST_SELECT("reader-study"),
    JOB_CANCEL("study-job"),
    JOB_RETRY("study-job"),
    JOB_START("study-job"),
    MODEL_EVALUATE("model"),
    MODEL_REGISTER("model"),
    MODEL_TRAIN("model"),
    MODEL_UPLOAD("model"),
    PATHOLOGY_READ("case"),
    PATHOLOGY_RECORD("case"),
    PREDICTION_CREATE("case"),
    PREDICTION_READ("case"),
    READER_STUDY_CREATE("reader-study"),
    READER_STUDY_STATUS("reader-study"),
    READER_STUDY_UPDATE("reader-study"),
    READ_REOPEN("read");

    private final String resourceType;

    AuditAction(String resourceType) {
        this.resourceType = resourceType;
    }

    /** The kind of resource the action is usually recorded against, as stored in {@code audit_event.resource_type}. */
    public String resourceType() {
        return resourceType;
    }
}

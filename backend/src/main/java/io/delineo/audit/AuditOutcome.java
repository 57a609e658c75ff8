package io.delineo.audit;

public enum AuditOutcome {
    /** the action was carried out */
    SUCCESS,
    /** the caller was not allowed (401/403 or a blinding refusal) */
    DENIED,
    /** the action was attempted and refused for bad input or an error */
    FAILED
}

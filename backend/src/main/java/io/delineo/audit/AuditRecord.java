package io.delineo.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One audit event as it is hashed and stored. {@code time} is kept at microsecond precision, the precision
 * PostgreSQL stores, so a hash recomputed from the stored row equals the one computed at insert time.
 */
public record AuditRecord(long seq, Instant time, String userId, String userName, String roles, String action,
                          String resourceType, String resourceId, AuditOutcome outcome, String requestId,
                          String clientAddress, String detailsJson) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detailsJson, "detailsJson");
    }
}

package io.delineo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends events to the hash-chained audit trail. {@link #record} joins the caller's transaction, so an action and
 * its audit event commit or roll back together. A transaction-scoped advisory lock serialises appends: the chain
 * needs the previous hash, and the lock is released at commit, so call {@code record} as the last step of an action.
 * Image reads do not come here: {@link AccessRecorder} gathers them per user, series and time window.
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    EntityManager em;
    @Inject
    CurrentUser currentUser;
    @Inject
    RequestMetadata request;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    AuditKeyring keyring;

    /** Records an event in the caller's transaction (required). Returns its sequence number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(AuditAction action, String resourceType, Object resourceId, AuditOutcome outcome,
                       Map<String, ?> details) {
        return record(action.name(), resourceType, resourceId, outcome, details);
    }

    /** Shorthand for a successful action on the action's own kind of resource. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long success(AuditAction action, Object resourceId, Map<String, ?> details) {
        return success(action, action.resourceType(), resourceId, details);
    }

    /** Shorthand for a successful action. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long success(AuditAction action, String resourceType, Object resourceId, Map<String, ?> details) {
        return record(action, resourceType, resourceId, AuditOutcome.SUCCESS, details);
    }

    /** Any action string: for this package's tests, whose probe events must not pass for real actions. */
    @Transactional(Transactional.TxType.MANDATORY)
    long success(String action, String resourceType, Object resourceId, Map<String, ?> details) {
        return record(action, resourceType, resourceId, AuditOutcome.SUCCESS, details);
    }

    private long record(String action, String resourceType, Object resourceId, AuditOutcome outcome,
                        Map<String, ?> details) {
        CurrentUser.Snapshot user = currentUser.get();
        return append(user, request.requestId(), request.clientAddress(), action, resourceType, resourceId, outcome,
                details);
    }

    /**
     * Records a denial or failure in its own transaction: used when the action itself is refused (and its transaction,
     * if any, rolls back) but the attempt must still be on record.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long recordSeparately(AuditAction action, String resourceType, Object resourceId, AuditOutcome outcome,
                                 Map<String, ?> details) {
        if (outcome == AuditOutcome.DENIED) request.markDenialAudited();
        return record(action, resourceType, resourceId, outcome, details);
    }

    /** Records, in the caller's transaction, an action done on behalf of a user outside their request (jobs). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordAs(CurrentUser.Snapshot user, AuditAction action, String resourceType, Object resourceId,
                         AuditOutcome outcome, Map<String, ?> details) {
        return append(user, null, null, action.name(), resourceType, resourceId, outcome, details);
    }

    /** For callers that are not inside a CDI request (the HTTP catch-all for framework denials). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long recordFor(CurrentUser.Snapshot user, String requestId, String clientAddress, AuditAction action,
                          String resourceType, Object resourceId, AuditOutcome outcome, Map<String, ?> details) {
        return append(user, requestId, clientAddress, action.name(), resourceType, resourceId, outcome, details);
    }

    private long append(CurrentUser.Snapshot user, String requestId, String clientAddress, String action,
                        String resourceType, Object resourceId, AuditOutcome outcome, Map<String, ?> details) {
        ChainAppender.Draft draft = new ChainAppender.Draft(Instant.now(), printable(user.id()),
                printable(user.name()), String.join(",", user.roles()), action, resourceType,
                resourceId == null ? null : printable(resourceId.toString()), outcome, printable(requestId),
                printable(clientAddress), toJson(details));
        AuditKey key = keyring.key();
        return em.unwrap(Session.class).doReturningWork(conn -> ChainAppender.append(conn, key, List.of(draft)).get(0));
    }

    /** Values from requests (ids, UIDs from uploaded files) may hold control characters; the trail keeps text only. */
    static String printable(String s) {
        if (s == null) return null;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
        }
        return out.toString();
    }

    String toJson(Map<String, ?> details) {
        try {
            // sorted keys: the same details always read the same in the trail
            return objectMapper.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}

package io.delineo.audit;

import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/audit")
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PI, Roles.ADMIN})
public class AuditResource {
    static final int MAX_PAGE_SIZE = 500;

    public record AuditPage(List<AuditEvent> items, int page, int size, long total) {
    }

    /** One action the trail records and the kind of resource it is recorded against. */
    public record ActionView(String action, String resourceType) {
    }

    @Inject
    AuditTrail trail;
    @Inject
    AuditVerifier verifier;

    @GET
    @Transactional
    @Operation(summary = "Audit events, newest first, filtered by user, action, resource and time range")
    public AuditPage list(@QueryParam("user") String user, @QueryParam("action") String action,
                          @QueryParam("resourceType") String resourceType, @QueryParam("resourceId") String resourceId,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) throw Refusal.invalid("page must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw Refusal.invalid("size must be between 1 and " + MAX_PAGE_SIZE);
        AuditEvent.Filter filter = new AuditEvent.Filter(blankToNull(user), blankToNull(action),
                blankToNull(resourceType), blankToNull(resourceId), time("from", from), time("to", to));
        long total = AuditEvent.search(filter).count();
        List<AuditEvent> items = AuditEvent.page(filter, page, size);
        Map<String, Object> details = new HashMap<>();
        details.put("filter", filter.toString());
        details.put("page", page);
        trail.success(AuditAction.AUDIT_QUERY, null, details);
        return new AuditPage(items, page, size, total);
    }

    @GET
    @Path("/verify")
    @Transactional
    @Operation(summary = "Recompute the hash chain; names the first broken link")
    public AuditVerifier.Verification verify() {
        AuditVerifier.Verification v = verifier.verify();
        trail.record(AuditAction.AUDIT_VERIFY, "audit", null, v.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                Map.of("ok", v.ok(), "events", v.events(), "firstBroken", String.valueOf(v.firstBroken())));
        return v;
    }

    @GET
    @Path("/actions")
    @Operation(summary = "Every action the audit trail records, with its resource type, sorted by action")
    public List<ActionView> actions() {
        return Arrays.stream(AuditAction.values()).map(a -> new ActionView(a.name(), a.resourceType()))
                .sorted(Comparator.comparing(ActionView::action)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " must be an ISO-8601 time with offset, e.g. 2026-11-27T10:00:00Z; got '"
                    + value + "'");
        }
    }
}

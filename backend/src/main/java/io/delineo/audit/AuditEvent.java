package io.delineo.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Read-side mapping of {@code audit_event}; rows are only ever inserted by {@link AuditTrail}. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    @Id
    public long seq;
    @Column(name = "event_time")
    public OffsetDateTime time;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "user_name")
    public String userName;
    public String roles;
    public String action;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    public String outcome;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(columnDefinition = "json")
    public String details;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;

    /** Filters of {@code GET /api/audit}; null fields do not filter. */
    public record Filter(String user, String action, String resourceType, String resourceId, OffsetDateTime from,
                         OffsetDateTime to) {
    }

    public static PanacheQuery<AuditEvent> search(Filter f) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.user() != null) { where.add("userName = :user"); params.and("user", f.user()); }
        if (f.action() != null) { where.add("action = :action"); params.and("action", f.action()); }
        if (f.resourceType() != null) { where.add("resourceType = :rtype"); params.and("rtype", f.resourceType()); }
        if (f.resourceId() != null) { where.add("resourceId = :rid"); params.and("rid", f.resourceId()); }
        if (f.from() != null) { where.add("time >= :from"); params.and("from", f.from()); }
        if (f.to() != null) { where.add("time < :to"); params.and("to", f.to()); }
        Sort newestFirst = Sort.descending("seq");
        if (where.isEmpty()) return findAll(newestFirst);
        return find(String.join(" and ", where), newestFirst, params);
    }

    public static List<AuditEvent> page(Filter f, int page, int size) {
        return search(f).page(Page.of(page, size)).list();
    }
}

package io.delineo.study;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyViews.PathologyInput;
import io.delineo.study.StudyViews.PathologyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The pathology reference of a case: recorded by the PI, never shown to readers; reading it is audited. */
@ApplicationScoped
public class PathologyService {
    @Inject
    StudyAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentUser currentUser;

    @Transactional
    public PathologyView record(long caseId, PathologyInput in) {
        StudyCase c = access.caseForPi(caseId);
        if (in == null) throw Refusal.invalid("a pathology record is required");
        if (in.whoGrade() != null && !in.whoGrade().matches("G[123]")) {
            throw Refusal.invalid("whoGrade must be G1, G2 or G3");
        }
        if (in.source() != null && !in.source().matches("RESECTION|EUS_FNA")) {
            throw Refusal.invalid("source must be RESECTION or EUS_FNA");
        }
        check("ki67Percent", in.ki67Percent(), BigDecimal.valueOf(100));
        check("mitoticCount", in.mitoticCount(), BigDecimal.valueOf(100000));
        CasePathology p = CasePathology.findById(c.id);
        if (p == null) {
            p = new CasePathology();
            p.caseId = c.id;
        }
        p.whoGrade = in.whoGrade();
        p.ki67Percent = in.ki67Percent();
        p.mitoticCount = in.mitoticCount();
        p.source = in.source();
        if (in.releasedToBoard() != null) p.releasedToBoard = in.releasedToBoard();
        p.recordedBy = currentUser.name();
        p.recordedAt = OffsetDateTime.now();
        p.persist();
        Map<String, Object> details = new HashMap<>();
        details.put("whoGrade", p.whoGrade);
        details.put("ki67Percent", p.ki67Percent);
        details.put("releasedToBoard", p.releasedToBoard);
        audit.success(AuditAction.PATHOLOGY_RECORD, c.id, details);
        return view(p);
    }

    @Transactional
    public Optional<PathologyView> get(long caseId) {
        StudyCase c = access.caseForPi(caseId);
        CasePathology p = CasePathology.findById(c.id);
        audit.success(AuditAction.PATHOLOGY_READ, c.id, Map.of("present", p != null));
        return Optional.ofNullable(p).map(PathologyService::view);
    }

    static PathologyView view(CasePathology p) {
        return new PathologyView(p.caseId, p.whoGrade, p.ki67Percent, p.mitoticCount, p.source, p.releasedToBoard,
                p.recordedBy, p.recordedAt);
    }

    private static void check(String name, BigDecimal v, BigDecimal max) {
        if (v != null && (v.signum() < 0 || v.compareTo(max) > 0)) {
            throw Refusal.invalid(name + " must be between 0 and " + max);
        }
    }
}

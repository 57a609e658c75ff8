package io.delineo.study;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Blinding rules for cases: a reader reaches a case only when assigned to its study and the study is not a draft.
 * A refusal is audited (in its own transaction, since the request fails) and answered with 403.
 */
@ApplicationScoped
public class StudyAccess {
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditTrail audit;

    public StudyCase caseForReader(long caseId, AuditAction action) {
        String reader = currentUser.name();
        StudyCase c = StudyCase.findById(caseId);
        if (c == null || !c.study.hasReader(reader) || c.study.status == StudyStatus.DRAFT) {
            audit.recordSeparately(action, "case", caseId, AuditOutcome.DENIED,
                    Map.of("reason", c == null ? "no such case" : "case not assigned to this reader"));
            // the same answer whether the case exists or not: readers learn nothing about other studies
            throw Refusal.forbidden("case " + caseId + " is not assigned to you");
        }
        return c;
    }

    public StudyCase caseForPi(long caseId) {
        StudyCase c = StudyCase.findById(caseId);
        if (c == null) throw Refusal.notFound("no case " + caseId);
        return c;
    }

    public ReaderStudy study(long id) {
        ReaderStudy s = ReaderStudy.findById(id);
        if (s == null) throw Refusal.notFound("no reader study " + id);
        return s;
    }
}

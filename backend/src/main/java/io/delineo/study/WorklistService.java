package io.delineo.study;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyViews.PhaseSeries;
import io.delineo.study.StudyViews.WorklistItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A reader's cases across their open and closed reader studies, with the status of their own read only. */
@ApplicationScoped
public class WorklistService {
    @Inject
    CurrentUser currentUser;
    @Inject
    StudyAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    ReadProgress reads;

    @Transactional
    public List<WorklistItem> worklist(String status, Long studyId) {
        String reader = currentUser.name();
        List<WorklistItem> out = new ArrayList<>();
        for (ReaderStudy s : ReaderStudy.assignedTo(reader)) {
            if (studyId != null && !studyId.equals(s.id)) continue;
            List<StudyCase> cases = StudyCase.ofStudy(s);
            Map<Long, ReadProgress.ReadState> mine = new HashMap<>();
            for (ReadProgress.ReadState r : reads.ofCases(cases)) {
                if (r.reader().equals(reader)) mine.put(r.caseId(), r);
            }
            for (StudyCase c : cases) {
                WorklistItem item = item(c, mine.get(c.id));
                if (status != null && !status.isBlank() && !status.equals(item.status())) continue;
                out.add(item);
            }
        }
        return out;
    }

    /** One assigned case, as the reader screen opens it (refused and audited like every case access of a reader). */
    @Transactional
    public WorklistItem one(long caseId) {
        StudyCase c = access.caseForReader(caseId, AuditAction.CASE_OPEN);
        String reader = currentUser.name();
        WorklistItem item = item(c, reads.of(c, reader).orElse(null));
        audit.success(AuditAction.CASE_OPEN, caseId, Map.of("study", c.study.id));
        return item;
    }

    private static WorklistItem item(StudyCase c, ReadProgress.ReadState mine) {
        ReaderStudy s = c.study;
        String st = mine == null || mine.version() == 0 ? "NOT_STARTED" : mine.status();
        return new WorklistItem(c.id, s.id, s.name, c.label, s.status.name(), st, mine == null ? 0 : mine.version(),
                mine == null ? null : mine.updatedAt(), phasesOf(c), List.of(s.lesionLabels));
    }

    /** The case a reader should read next: the first not yet submitted in an open study. */
    @Transactional
    public WorklistItem next() {
        return worklist(null, null).stream()
                .filter(i -> i.studyStatus().equals("OPEN") && !i.status().equals("SUBMITTED"))
                .findFirst().orElse(null);
    }

    public static List<PhaseSeries> phasesOf(StudyCase c) {
        List<PhaseSeries> out = new ArrayList<>();
        for (Phase p : c.study.phaseList()) {
            String series = c.seriesByPhase.get(p.name());
            if (series != null) out.add(new PhaseSeries(p.name(), p.label(), c.archiveStudyUid, series));
        }
        return out;
    }
}

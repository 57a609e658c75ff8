package io.delineo.study;

import io.delineo.archive.Instance;
import io.delineo.archive.Series;
import io.delineo.archive.Study;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyViews.CaseInput;
import io.delineo.study.StudyViews.CaseView;
import io.delineo.study.StudyViews.ReaderProgress;
import io.delineo.study.StudyViews.SeriesSuggestion;
import io.delineo.study.StudyViews.StudyInput;
import io.delineo.study.StudyViews.StudyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a PI does with reader studies: set up, assign readers, add cases with phases, open and close. */
@ApplicationScoped
public class ReaderStudyService {
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditTrail audit;
    @Inject
    ReaderDirectory directory;
    @Inject
    StudyAccess access;
    @Inject
    ReadProgress reads;

    @Transactional
    public StudyView create(StudyInput in) {
        ReaderStudy s = new ReaderStudy();
        apply(s, in, true);
        s.status = StudyStatus.DRAFT;
        s.createdBy = currentUser.name();
        s.updatedAt = OffsetDateTime.now();
        s.persist();
        audit.success(AuditAction.READER_STUDY_CREATE, s.id, Map.of("name", s.name, "readers", s.readers));
        return view(s);
    }

    @Transactional
    public StudyView update(long id, StudyInput in) {
        ReaderStudy s = access.study(id);
        if (s.status == StudyStatus.CLOSED) throw Refusal.conflict("the study is closed; reopen it to change it");
        boolean hasCases = StudyCase.count("study", s) > 0;
        if (s.status != StudyStatus.DRAFT && in.phases() != null
                && !new TreeSet<>(in.phases()).equals(new TreeSet<>(List.of(s.phases)))) {
            throw Refusal.conflict("phases cannot change once the study is open");
        }
        if (hasCases && in.lesionLabels() != null && !in.lesionLabels().containsAll(List.of(s.lesionLabels))) {
            throw Refusal.conflict("lesion labels of a study with cases can be added, not removed");
        }
        apply(s, in, false);
        s.updatedAt = OffsetDateTime.now();
        audit.success(AuditAction.READER_STUDY_UPDATE, s.id, Map.of("readers", s.readers));
        return view(s);
    }

    @Transactional
    public StudyView changeStatus(long id, String status) {
        ReaderStudy s = access.study(id);
        StudyStatus next;
        try {
            next = StudyStatus.valueOf(status);
        } catch (RuntimeException e) {
            throw Refusal.invalid("status must be DRAFT, OPEN or CLOSED");
        }
        if (!s.status.mayMoveTo(next)) {
            throw Refusal.conflict("a " + s.status + " study cannot become " + next);
        }
        if (next == StudyStatus.OPEN && (s.readers.isEmpty() || StudyCase.count("study", s) == 0)) {
            throw Refusal.conflict("a study opens with at least one reader and one case");
        }
        StudyStatus previous = s.status;
        s.status = next;
        s.updatedAt = OffsetDateTime.now();
        audit.success(AuditAction.READER_STUDY_STATUS, s.id, Map.of("from", previous.name(), "to", next.name()));
        return view(s);
    }

    @Transactional
    public List<StudyView> list() {
        return ReaderStudy.newestFirst().stream().map(this::view).toList();
    }

    @Transactional
    public StudyView get(long id) {
        return view(access.study(id));
    }

    @Transactional
    public List<CaseView> cases(long studyId) {
        ReaderStudy s = access.study(studyId);
        List<StudyCase> cases = StudyCase.ofStudy(s);
        Map<Long, Map<String, String>> status = readStatus(s, cases);
        return cases.stream().map(c -> caseView(c, status.get(c.id))).toList();
    }

    @Transactional
    public CaseView addCase(long studyId, CaseInput in) {
        ReaderStudy s = access.study(studyId);
        if (s.status == StudyStatus.CLOSED) throw Refusal.conflict("cases cannot be added to a closed study");
        if (in == null || in.studyInstanceUid() == null || in.studyInstanceUid().isBlank()) {
            throw Refusal.invalid("studyInstanceUid of an archive study is required");
        }
        Study archived = Study.findByUid(in.studyInstanceUid().trim()).orElseThrow(
                () -> Refusal.invalid("study " + in.studyInstanceUid() + " is not in the archive"));
        StudyCase c = new StudyCase();
        c.study = s;
        c.archiveStudyUid = archived.studyInstanceUid;
        c.position = (int) StudyCase.count("study", s) + 1;
        c.label = in.label() == null || in.label().isBlank() ? "Case " + c.position : in.label().trim();
        if (StudyCase.count("study = ?1 and label = ?2", s, c.label) > 0) {
            throw Refusal.conflict("the study already has a case labelled '" + c.label + "'");
        }
        c.seriesByPhase = validatedSeries(s, archived, in.series());
        c.persist();
        audit.success(AuditAction.CASE_ADD, c.id, Map.of("study", s.id, "archiveStudy", c.archiveStudyUid,
                "series", c.seriesByPhase));
        return caseView(c, readStatus(s, List.of(c)).get(c.id));
    }

    @Transactional
    public CaseView updateCaseSeries(long caseId, Map<String, String> series) {
        StudyCase c = access.caseForPi(caseId);
        if (reads.anyStarted(c)) {
            throw Refusal.conflict("readers have started on this case; its series can no longer change");
        }
        Study archived = Study.findByUid(c.archiveStudyUid).orElseThrow();
        c.seriesByPhase.clear();
        c.seriesByPhase.putAll(validatedSeries(c.study, archived, series));
        audit.success(AuditAction.CASE_UPDATE, c.id, Map.of("series", c.seriesByPhase));
        return caseView(c, readStatus(c.study, List.of(c)).get(c.id));
    }

    @Transactional
    public void removeCase(long caseId) {
        StudyCase c = access.caseForPi(caseId);
        if (reads.anyStarted(c)) {
            throw Refusal.conflict("readers have started on this case; it cannot be removed");
        }
        audit.success(AuditAction.CASE_REMOVE, c.id, Map.of("study", c.study.id));
        c.delete();
    }

    /** The series of an archive study with a suggested phase each, for the PI to confirm. */
    @Transactional
    public List<SeriesSuggestion> suggest(String studyInstanceUid) {
        Study archived = Study.findByUid(studyInstanceUid).orElseThrow(
                () -> Refusal.notFound("study " + studyInstanceUid + " is not in the archive"));
        List<SeriesSuggestion> out = new ArrayList<>();
        for (Series se : Series.ofStudy(archived)) {
            List<Instance> instances = Instance.ofSeries(se);
            String acquisition = instances.isEmpty() ? null : instances.get(0).acquisitionTime;
            var suggestion = PhaseSuggester.suggest(new PhaseSuggester.SeriesFacts(se.modality, se.seriesDescription,
                    se.contrastBolusAgent, se.contrastBolusStartTime, acquisition != null ? acquisition : se.seriesTime,
                    se.imageType));
            out.add(new SeriesSuggestion(se.seriesInstanceUid, se.seriesNumber, se.modality, se.seriesDescription,
                    instances.size(), suggestion.map(x -> x.phase().name()).orElse(null),
                    suggestion.map(PhaseSuggester.Suggestion::reason).orElse("no indication; choose the phase")));
        }
        return out;
    }

    public List<StudyViews.Reader> readers() {
        return directory.readers().stream().map(r -> new StudyViews.Reader(r.userName(), r.displayName())).toList();
    }

    private Map<String, String> validatedSeries(ReaderStudy s, Study archived, Map<String, String> series) {
        if (series == null || series.isEmpty()) throw Refusal.invalid("map at least one phase to a series");
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : series.entrySet()) {
            Phase phase = Phase.parse(e.getKey());
            if (!List.of(s.phases).contains(phase.name())) {
                throw Refusal.invalid("phase " + phase.name() + " is not one of this study's phases "
                        + List.of(s.phases));
            }
            Series se = Series.findByUid(e.getValue()).orElseThrow(
                    () -> Refusal.invalid("series " + e.getValue() + " is not in the archive"));
            if (!se.study.id.equals(archived.id)) {
                throw Refusal.invalid("series " + e.getValue() + " belongs to another archive study");
            }
            out.put(phase.name(), se.seriesInstanceUid);
        }
        if (new java.util.HashSet<>(out.values()).size() != out.size()) {
            throw Refusal.invalid("one series cannot be two phases of a case");
        }
        return out;
    }

    private void apply(ReaderStudy s, StudyInput in, boolean creating) {
        if (in == null) throw Refusal.invalid("a study description is required");
        if (creating || in.name() != null) {
            if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
                throw Refusal.invalid("name is required (up to 200 characters)");
            }
            s.name = in.name().trim();
        }
        if (creating || in.purpose() != null) s.purpose = in.purpose() == null ? "" : in.purpose().trim();
        if (creating || in.lesionLabels() != null) {
            List<String> labels = in.lesionLabels() == null ? List.of() : in.lesionLabels().stream()
                    .map(String::trim).filter(l -> !l.isEmpty()).distinct().toList();
            if (labels.isEmpty()) throw Refusal.invalid("at least one lesion label is required");
            s.lesionLabels = labels.toArray(String[]::new);
        }
        if (creating || in.phases() != null) {
            List<String> phases = in.phases() == null ? List.of() : in.phases().stream()
                    .map(p -> Phase.parse(p).name()).distinct().toList();
            if (phases.isEmpty()) throw Refusal.invalid("at least one phase is required");
            s.phases = phases.toArray(String[]::new);
        }
        if (creating || in.readers() != null) {
            List<String> readers = in.readers() == null ? List.of() : in.readers();
            for (String r : readers) {
                if (!directory.isReader(r)) {
                    throw Refusal.invalid("'" + r + "' is not a user with the reader role");
                }
            }
            TreeSet<String> removed = new TreeSet<>(s.readers);
            removed.removeAll(readers);
            if (!removed.isEmpty() && s.id != null
                    && reads.anyStartedBy(s, removed)) {
                throw Refusal.conflict("readers who have started reading cannot be removed: " + removed);
            }
            s.readers = new TreeSet<>(readers);
        }
        if (creating || in.blinded() != null) s.blinded = in.blinded() == null || in.blinded();
    }

    StudyView view(ReaderStudy s) {
        List<StudyCase> cases = StudyCase.ofStudy(s);
        Map<Long, Map<String, String>> status = readStatus(s, cases);
        List<ReaderProgress> progress = new ArrayList<>();
        for (String reader : s.readerNames()) {
            int started = 0, submitted = 0;
            for (StudyCase c : cases) {
                String st = status.getOrDefault(c.id, Map.of()).get(reader);
                if ("SUBMITTED".equals(st)) submitted++;
                else if ("IN_PROGRESS".equals(st)) started++;
            }
            progress.add(new ReaderProgress(reader, cases.size() - started - submitted, started, submitted));
        }
        return new StudyView(s.id, s.name, s.purpose, List.of(s.lesionLabels), List.of(s.phases),
                s.readerNames(), s.blinded, s.status.name(), s.createdBy, s.createdAt, cases.size(), progress);
    }

    /** case id → reader → NOT_STARTED / IN_PROGRESS / SUBMITTED */
    private Map<Long, Map<String, String>> readStatus(ReaderStudy s, List<StudyCase> cases) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        for (StudyCase c : cases) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String r : s.readerNames()) m.put(r, "NOT_STARTED");
            out.put(c.id, m);
        }
        for (ReadProgress.ReadState r : reads.ofCases(cases)) {
            out.get(r.caseId()).put(r.reader(), r.status());
        }
        return out;
    }

    private CaseView caseView(StudyCase c, Map<String, String> status) {
        return new CaseView(c.id, c.study.id, c.label, c.archiveStudyUid, new TreeMap<>(c.seriesByPhase),
                status == null ? Map.of() : status, CasePathology.findById(c.id) != null);
    }
}

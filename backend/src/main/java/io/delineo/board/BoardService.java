package io.delineo.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.agreement.AgreementService;
import io.delineo.agreement.AgreementViews.LesionAgreement;
import io.delineo.agreement.Consensus;
import io.delineo.agreement.ConsensusService;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.board.BoardViews.AgreementSummary;
import io.delineo.board.BoardViews.BoardCase;
import io.delineo.board.BoardViews.BoardListItem;
import io.delineo.board.BoardViews.ConsensusSummary;
import io.delineo.board.BoardViews.DecisionInput;
import io.delineo.board.BoardViews.DecisionView;
import io.delineo.board.BoardViews.KeyFeature;
import io.delineo.board.BoardViews.ReaderFigure;
import io.delineo.domain.Refusal;
import io.delineo.grading.GradingService;
import io.delineo.grading.Prediction;
import io.delineo.radiomics.jobs.FeatureSet;
import io.delineo.security.CurrentUser;
import io.delineo.study.CasePathology;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import io.delineo.study.StudyViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tumour board's view of released cases: consensus ROI, agreement, key features, model predictions, and the
 * pathology only when the PI released it; and the board's versioned decisions. Every view and decision is audited.
 */
@ApplicationScoped
public class BoardService {
    /** Features the board sees (IBSI code, name, unit), taken from the approved consensus ROI. */
    static final String[][] KEY_FEATURES = {
            {"RNU0", "Volume (mesh)", "mm³"}, {"QCFX", "Sphericity", ""}, {"Q4LE", "Mean intensity", "HU"},
            {"KE2A", "Skewness", ""}, {"IPH6", "Kurtosis", ""}, {"TLU2", "Histogram entropy", "bits"},
            {"TU9B", "GLCM joint entropy", "bits"}, {"NTRS", "GLCM difference entropy", "bits"}};

    @Inject
    StudyAccess access;
    @Inject
    AgreementService agreement;
    @Inject
    ConsensusService consensusService;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    ObjectMapper json;
    @Inject
    GradingService grading;

    @Transactional
    public void release(long caseId, String note) {
        StudyCase c = access.caseForPi(caseId);
        if (Consensus.approvedOf(c).isEmpty()) {
            throw Refusal.conflict("approve a consensus ROI for case " + caseId + " before releasing it to the board");
        }
        BoardRelease r = BoardRelease.findById(c.id);
        if (r == null) {
            r = new BoardRelease();
            r.caseId = c.id;
        }
        r.releasedBy = currentUser.name();
        r.releasedAt = OffsetDateTime.now();
        r.note = note == null ? "" : note.trim();
        r.persist();
        audit.success(AuditAction.BOARD_RELEASE, c.id, Map.of("note", r.note));
    }

    @Transactional
    public void withdraw(long caseId) {
        StudyCase c = access.caseForPi(caseId);
        BoardRelease r = BoardRelease.findById(c.id);
        if (r == null) throw Refusal.notFound("case " + caseId + " is not released to the board");
        r.delete();
        audit.success(AuditAction.BOARD_WITHDRAW, c.id, Map.of());
    }

    @Transactional
    public List<BoardListItem> list() {
        List<BoardListItem> out = new ArrayList<>();
        for (BoardRelease r : BoardRelease.<BoardRelease>list("order by releasedAt desc")) {
            StudyCase c = StudyCase.findById(r.caseId);
            List<BoardDecision> decisions = BoardDecision.ofCase(c.id);
            BoardDecision latest = decisions.isEmpty() ? null : decisions.get(0);
            out.add(new BoardListItem(c.id, c.label, c.study.name, r.releasedAt, r.releasedBy,
                    latest == null ? null : latest.finalGrade, latest == null ? null : latest.decidedAt));
        }
        return out;
    }

    @Transactional
    public BoardCase view(long caseId) {
        StudyCase c = released(caseId, AuditAction.BOARD_CASE_VIEW);
        BoardRelease r = BoardRelease.findById(c.id);
        Consensus approved = Consensus.approvedOf(c).orElse(null);
        ConsensusSummary consensus = approved == null ? null : new ConsensusSummary(approved.version, approved.method,
                approved.approvedAt, approved.approvedBy, consensusService.content(approved));
        List<AgreementSummary> summary = new ArrayList<>();
        for (LesionAgreement la : agreement.compute(c, false).lesions()) {
            summary.add(new AgreementSummary(la.label(), la.readers().size(), la.meanDice(), la.minDice()));
        }
        List<ReaderFigure> figures = approved == null ? List.of() : readerFigures(approved);
        CasePathology p = CasePathology.findById(c.id);
        StudyViews.PathologyView pathology = p != null && p.releasedToBoard
                ? new StudyViews.PathologyView(p.caseId, p.whoGrade, p.ki67Percent, p.mitoticCount, p.source, true,
                p.recordedBy, p.recordedAt) : null;
        List<DecisionView> decisions = BoardDecision.ofCase(c.id).stream().map(BoardService::view).toList();
        List<GradingService.PredictionView> predictions = Prediction.ofCase(c.id).stream().map(grading::view).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consensusVersion", approved == null ? null : approved.version);
        details.put("predictions", predictions.size());
        details.put("pathologyShown", pathology != null);
        audit.success(AuditAction.BOARD_CASE_VIEW, c.id, details);
        return new BoardCase(c.id, c.label, c.study.name, r.releasedBy, r.releasedAt, r.note,
                io.delineo.study.WorklistService.phasesOf(c), consensus, summary, figures,
                keyFeatures(c, approved), predictions, pathology, decisions.isEmpty() ? null : decisions.get(0),
                decisions);
    }

    @Transactional
    public DecisionView decide(long caseId, DecisionInput in) {
        StudyCase c = released(caseId, AuditAction.BOARD_DECISION);
        if (in == null || in.finalGrade() == null || !in.finalGrade().matches("G1|G2|G3|UNDETERMINED")) {
            throw Refusal.invalid("finalGrade must be G1, G2, G3 or UNDETERMINED");
        }
        if (in.treatment() == null || in.treatment().isBlank()) {
            throw Refusal.invalid("a treatment recommendation is required");
        }
        List<String> attendees = in.attendees() == null ? List.of() : in.attendees().stream().map(String::trim)
                .filter(a -> !a.isEmpty()).distinct().toList();
        if (attendees.isEmpty()) throw Refusal.invalid("list the attendees of the board meeting");
        List<BoardDecision> previous = BoardDecision.ofCase(c.id);
        BoardDecision d = new BoardDecision();
        d.caseId = c.id;
        d.version = previous.isEmpty() ? 1 : previous.get(0).version + 1;
        d.finalGrade = in.finalGrade();
        d.treatment = in.treatment().trim();
        d.note = in.note() == null ? "" : in.note().trim();
        d.attendees = attendees.toArray(String[]::new);
        d.decidedBy = currentUser.name();
        d.decidedAt = OffsetDateTime.now();
        d.persist();
        audit.success(AuditAction.BOARD_DECISION, c.id, Map.of("version", d.version, "finalGrade", d.finalGrade,
                "attendees", attendees));
        return view(d);
    }

    @Transactional
    public List<DecisionView> decisions(long caseId) {
        StudyCase c = released(caseId, AuditAction.BOARD_DECISION_READ);
        audit.success(AuditAction.BOARD_DECISION_READ, c.id, Map.of());
        return BoardDecision.ofCase(c.id).stream().map(BoardService::view).toList();
    }

    /** A released case; anything else is refused (audited) as if it did not exist for the board. */
    private StudyCase released(long caseId, AuditAction action) {
        StudyCase c = StudyCase.findById(caseId);
        if (c == null || BoardRelease.findById(caseId) == null) {
            audit.recordSeparately(action, "case", caseId, AuditOutcome.DENIED,
                    Map.of("reason", "case not released to the board"));
            throw Refusal.forbidden("case " + caseId + " has not been released to the tumour board");
        }
        return c;
    }

    private List<ReaderFigure> readerFigures(Consensus approved) {
        try {
            List<Map<String, Object>> stats = json.readValue(approved.readerStats, new TypeReference<>() { });
            List<ReaderFigure> out = new ArrayList<>();
            for (Map<String, Object> s : stats) {
                out.add(new ReaderFigure((String) s.get("reader"), (String) s.get("label"),
                        s.get("sensitivity") == null ? null : ((Number) s.get("sensitivity")).doubleValue(),
                        s.get("specificity") == null ? null : ((Number) s.get("specificity")).doubleValue()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<KeyFeature> keyFeatures(StudyCase c, Consensus approved) {
        if (approved == null) return List.of();
        FeatureSet set = FeatureSet.<FeatureSet>find("studyCase = ?1 and roiSource = 'consensus' and roiVersion = ?2 "
                + "order by computedAt desc", c, approved.version).firstResult();
        if (set == null) return List.of();
        JsonNode values;
        try {
            values = json.readTree(set.featureValues);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<KeyFeature> out = new ArrayList<>();
        for (String[] f : KEY_FEATURES) {
            String column = column(values, f[0]);
            if (column == null) continue;
            JsonNode v = values.get(column);
            out.add(new KeyFeature(f[0], f[1], column, v == null || v.isNull() ? null : v.asDouble(), f[2]));
        }
        return out;
    }

    /** The column of a feature: its bare code, else its 3-D aggregation. */
    static String column(JsonNode values, String code) {
        for (String candidate : new String[]{code, code + "_3D", code + "_3D_avg", code + "_3D_mrg"}) {
            if (values.has(candidate)) return candidate;
        }
        return null;
    }

    static DecisionView view(BoardDecision d) {
        return new DecisionView(d.caseId, d.version, d.finalGrade, d.treatment, d.note, List.of(d.attendees),
                d.decidedBy, d.decidedAt);
    }
}

package io.delineo.board;

import io.delineo.contour.ReadContent;
import io.delineo.study.StudyViews.PathologyView;
import io.delineo.study.StudyViews.PhaseSeries;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the tumour board sees of a released case. */
public final class BoardViews {
    private BoardViews() {
    }

    public record BoardListItem(long caseId, String caseLabel, String studyName, OffsetDateTime releasedAt,
                                String releasedBy, String latestGrade, OffsetDateTime decidedAt) {
    }

    public record ConsensusSummary(int version, String method, OffsetDateTime approvedAt, String approvedBy,
                                   ReadContent content) {
    }

    public record ReaderFigure(String reader, String label, Double sensitivity, Double specificity) {
    }

    public record AgreementSummary(String label, int readers, Double meanDice, Double minDice) {
    }

    public record KeyFeature(String code, String name, String column, Double value, String unit) {
    }

    public record DecisionInput(String finalGrade, String treatment, String note, List<String> attendees) {
    }

    public record DecisionView(long caseId, int version, String finalGrade, String treatment, String note,
                               List<String> attendees, String decidedBy, OffsetDateTime decidedAt) {
    }

    public record BoardCase(long caseId, String caseLabel, String studyName, String releasedBy,
                            OffsetDateTime releasedAt, String releaseNote, List<PhaseSeries> phases,
                            ConsensusSummary consensus, List<AgreementSummary> agreement,
                            List<ReaderFigure> stapleFigures, List<KeyFeature> features,
                            List<io.delineo.grading.GradingService.PredictionView> predictions, PathologyView pathology, DecisionView decision,
                            List<DecisionView> decisionHistory) {
    }

    public record ReleaseInput(String note) {
    }
}

package io.delineo.study;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the reader-study API. */
public final class StudyViews {
    private StudyViews() {
    }

    public record StudyInput(String name, String purpose, List<String> lesionLabels, List<String> phases,
                             List<String> readers, Boolean blinded) {
    }

    public record StatusInput(String status) {
    }

    /** Per reader: how many cases are not started, in progress, submitted. */
    public record ReaderProgress(String reader, int notStarted, int inProgress, int submitted) {
    }

    public record StudyView(long id, String name, String purpose, List<String> lesionLabels, List<String> phases,
                            List<String> readers, boolean blinded, String status, String createdBy,
                            OffsetDateTime createdAt, int caseCount, List<ReaderProgress> progress) {
    }

    public record CaseInput(String label, String studyInstanceUid, Map<String, String> series) {
    }

    /** A case as the PI sees it: its series per phase and each reader's status. */
    public record CaseView(long id, long studyId, String label, String studyInstanceUid, Map<String, String> series,
                           Map<String, String> readStatus, boolean hasPathology) {
    }

    public record SeriesSuggestion(String seriesInstanceUid, Integer seriesNumber, String modality,
                                   String seriesDescription, int instances, String suggestedPhase, String reason) {
    }

    public record PathologyInput(String whoGrade, BigDecimal ki67Percent, BigDecimal mitoticCount, String source,
                                 Boolean releasedToBoard) {
    }

    public record PathologyView(long caseId, String whoGrade, BigDecimal ki67Percent, BigDecimal mitoticCount,
                                String source, boolean releasedToBoard, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** One image series a reader opens for a case. */
    public record PhaseSeries(String phase, String label, String studyInstanceUid, String seriesInstanceUid) {
    }

    public record WorklistItem(long caseId, long studyId, String studyName, String caseLabel, String studyStatus,
                               String status, int version, OffsetDateTime updatedAt, List<PhaseSeries> phases,
                               List<String> lesionLabels) {
    }

    public record Reader(String userName, String displayName) {
    }
}

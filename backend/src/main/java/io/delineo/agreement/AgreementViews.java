package io.delineo.agreement;

import java.util.List;

/** Response bodies of the agreement API. Undefined metrics (empty masks) are null, never NaN. */
public final class AgreementViews {
    private AgreementViews() {
    }

    public record ReaderVolume(String reader, int readVersion, String status, double volumeMl, Integer firstSlice,
                               Integer lastSlice) {
    }

    /** volumeDiffMl is volume(a) − volume(b); volumeDiffPercent relative to a. */
    public record Pair(String a, String b, Double dice, Double jaccard, Double hd, Double hd95, Double msd,
                       double volumeDiffMl, Double volumeDiffPercent, List<Double> sliceDice) {
    }

    public record VersusConsensus(String reader, Double dice, Double hd95, Double msd) {
    }

    public record LesionAgreement(String label, String seriesInstanceUid, List<ReaderVolume> readers, List<Pair> pairs,
                                  Double meanDice, Double minDice, Double generalizedConformity,
                                  Integer consensusVersion, List<VersusConsensus> versusConsensus) {
    }

    public record CaseAgreement(long caseId, String caseLabel, boolean includesInProgress, List<LesionAgreement> lesions) {
    }

    public record MatrixCell(String a, String b, Double meanDice, int cases) {
    }

    public record CaseRow(long caseId, String caseLabel, String label, String seriesInstanceUid, int readers,
                          Double meanDice, Double minDice, Double meanHd95, java.util.Map<String, Double> volumesMl,
                          boolean outlier) {
    }

    public record ReaderSummary(String reader, int cases, Double meanDiceVsOthers, Double ciLow, Double ciHigh,
                                int consensusCases, Double meanDiceVsConsensus, Double consensusCiLow,
                                Double consensusCiHigh) {
    }

    public record BlandAltmanPoint(long caseId, String label, String a, String b, double meanMl, double diffMl) {
    }

    public record BlandAltmanPair(String a, String b, int n, Double biasMl, Double lowerLoaMl, Double upperLoaMl) {
    }

    public record StudyAgreement(long studyId, List<String> readers, double outlierThreshold, List<MatrixCell> matrix,
                                 List<CaseRow> cases, List<ReaderSummary> perReader, List<BlandAltmanPoint> blandAltman,
                                 List<BlandAltmanPair> blandAltmanPairs, int submittedReads, int expectedReads) {
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

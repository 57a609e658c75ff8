package io.delineo.agreement;

import io.delineo.agreement.AgreementViews.BlandAltmanPair;
import io.delineo.agreement.AgreementViews.BlandAltmanPoint;
import io.delineo.agreement.AgreementViews.CaseAgreement;
import io.delineo.agreement.AgreementViews.CaseRow;
import io.delineo.agreement.AgreementViews.LesionAgreement;
import io.delineo.agreement.AgreementViews.MatrixCell;
import io.delineo.agreement.AgreementViews.Pair;
import io.delineo.agreement.AgreementViews.ReaderSummary;
import io.delineo.agreement.AgreementViews.ReaderVolume;
import io.delineo.agreement.AgreementViews.StudyAgreement;
import io.delineo.agreement.AgreementViews.VersusConsensus;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.ReaderRead;
import io.delineo.stats.MeanCi;
import io.delineo.study.ReaderStudy;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PI dashboard's numbers for a whole reader study, from the per-case agreement. */
@ApplicationScoped
public class StudyAgreementService {
    @Inject
    StudyAccess access;
    @Inject
    AgreementService agreement;
    @Inject
    AuditTrail audit;

    @Transactional
    public CaseAgreement forCase(long caseId, boolean includeInProgress) {
        StudyCase c = access.caseForPi(caseId);
        CaseAgreement a = agreement.compute(c, includeInProgress);
        audit.success(AuditAction.AGREEMENT_READ, caseId, Map.of("lesions", a.lesions().size(),
                "includeInProgress", includeInProgress));
        return a;
    }

    @Transactional
    public StudyAgreement forStudy(long studyId, double threshold, boolean includeInProgress) {
        ReaderStudy s = access.study(studyId);
        List<String> readers = s.readerNames();
        Map<String, double[]> matrix = new LinkedHashMap<>(); // "a|b" → {sum, n}
        Map<String, List<Double>> vsOthers = new HashMap<>(), vsConsensus = new HashMap<>();
        List<CaseRow> rows = new ArrayList<>();
        List<BlandAltmanPoint> points = new ArrayList<>();
        List<StudyCase> cases = StudyCase.ofStudy(s);
        for (StudyCase c : cases) {
            CaseAgreement ca = agreement.compute(c, includeInProgress);
            for (LesionAgreement la : ca.lesions()) {
                Map<String, Double> volumes = new LinkedHashMap<>();
                for (ReaderVolume v : la.readers()) volumes.put(v.reader(), v.volumeMl());
                Double meanHd95 = la.pairs().stream().map(Pair::hd95).filter(x -> x != null)
                        .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
                rows.add(new CaseRow(c.id, c.label, la.label(), la.seriesInstanceUid(), la.readers().size(),
                        la.meanDice(), la.minDice(), meanHd95, volumes,
                        la.minDice() != null && la.minDice() < threshold));
                Map<String, List<Double>> perReader = new HashMap<>();
                for (Pair p : la.pairs()) {
                    if (p.dice() != null) {
                        for (String key : new String[]{p.a() + "|" + p.b(), p.b() + "|" + p.a()}) {
                            double[] acc = matrix.computeIfAbsent(key, k -> new double[2]);
                            acc[0] += p.dice();
                            acc[1]++;
                        }
                        perReader.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p.dice());
                        perReader.computeIfAbsent(p.b(), k -> new ArrayList<>()).add(p.dice());
                    }
                    double va = volumes.get(p.a()), vb = volumes.get(p.b());
                    points.add(new BlandAltmanPoint(c.id, la.label(), p.a(), p.b(), (va + vb) / 2, va - vb));
                }
                perReader.forEach((r, ds) -> vsOthers.computeIfAbsent(r, k -> new ArrayList<>())
                        .add(ds.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
                for (VersusConsensus v : la.versusConsensus()) {
                    if (v.dice() != null) vsConsensus.computeIfAbsent(v.reader(), k -> new ArrayList<>()).add(v.dice());
                }
            }
        }
        List<MatrixCell> cells = new ArrayList<>();
        for (String a : readers) {
            for (String b : readers) {
                if (a.equals(b)) continue;
                double[] acc = matrix.get(a + "|" + b);
                cells.add(new MatrixCell(a, b, acc == null ? null : acc[0] / acc[1], acc == null ? 0 : (int) acc[1]));
            }
        }
        List<ReaderSummary> summaries = new ArrayList<>();
        for (String r : readers) {
            MeanCi others = MeanCi.of(vsOthers.getOrDefault(r, List.of()));
            MeanCi consensus = MeanCi.of(vsConsensus.getOrDefault(r, List.of()));
            summaries.add(new ReaderSummary(r, others.n(), others.mean(), others.low(), others.high(), consensus.n(),
                    consensus.mean(), consensus.low(), consensus.high()));
        }
        int submitted = (int) ReaderRead.count("studyCase.study = ?1 and status = ?2", s, ReaderRead.Status.SUBMITTED);
        audit.success(AuditAction.AGREEMENT_READ, "reader-study", studyId, Map.of("cases", cases.size()));
        return new StudyAgreement(s.id, readers, threshold, cells, rows, summaries, points, blandAltman(points),
                submitted, cases.size() * readers.size());
    }

    /** Bias and 95 % limits of agreement (bias ± 1.96 SD) of the volume differences, per reader pair. */
    static List<BlandAltmanPair> blandAltman(List<BlandAltmanPoint> points) {
        Map<String, List<Double>> byPair = new LinkedHashMap<>();
        for (BlandAltmanPoint p : points) byPair.computeIfAbsent(p.a() + "|" + p.b(), k -> new ArrayList<>()).add(p.diffMl());
        List<BlandAltmanPair> out = new ArrayList<>();
        byPair.forEach((key, diffs) -> {
            String[] ab = key.split("\\|", 2);
            int n = diffs.size();
            double bias = diffs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            Double lo = null, hi = null;
            if (n >= 2) {
                double ss = 0;
                for (double d : diffs) ss += (d - bias) * (d - bias);
                double sd = Math.sqrt(ss / (n - 1));
                lo = bias - 1.96 * sd;
                hi = bias + 1.96 * sd;
            }
            out.add(new BlandAltmanPair(ab[0], ab[1], n, AgreementViews.finite(bias), lo, hi));
        });
        return out;
    }
}

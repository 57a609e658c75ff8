package io.delineo.agreement;

import io.delineo.agreement.AgreementViews.StudyAgreement;

import java.util.List;
import java.util.Locale;

/** CSV exports of the dashboard's tables (RFC 4180 quoting; empty cells for undefined values). */
final class AgreementCsv {
    static final List<String> TABLES = List.of("cases", "readers", "matrix", "bland-altman");

    private AgreementCsv() {
    }

    static String of(StudyAgreement a, String table) {
        StringBuilder sb = new StringBuilder();
        switch (table) {
            case "cases" -> {
                row(sb, concat(List.of("case_id", "case", "lesion_label", "series_uid", "readers", "mean_dice",
                        "min_dice", "mean_hd95_mm", "outlier"), a.readers().stream().map(r -> "volume_ml_" + r).toList()));
                for (var r : a.cases()) {
                    List<Object> cells = new java.util.ArrayList<>(List.of(r.caseId(), r.caseLabel(), r.label(),
                            r.seriesInstanceUid(), r.readers(), n(r.meanDice()), n(r.minDice()), n(r.meanHd95()),
                            r.outlier()));
                    for (String reader : a.readers()) cells.add(n(r.volumesMl().get(reader)));
                    row(sb, cells);
                }
            }
            case "readers" -> {
                row(sb, List.of("reader", "cases", "mean_dice_vs_others", "ci95_low", "ci95_high", "consensus_cases",
                        "mean_dice_vs_consensus", "consensus_ci95_low", "consensus_ci95_high"));
                for (var r : a.perReader()) {
                    row(sb, List.of(r.reader(), r.cases(), n(r.meanDiceVsOthers()), n(r.ciLow()), n(r.ciHigh()),
                            r.consensusCases(), n(r.meanDiceVsConsensus()), n(r.consensusCiLow()),
                            n(r.consensusCiHigh())));
                }
            }
            case "matrix" -> {
                row(sb, List.of("reader_a", "reader_b", "mean_dice", "n"));
                for (var c : a.matrix()) row(sb, List.of(c.a(), c.b(), n(c.meanDice()), c.cases()));
            }
            case "bland-altman" -> {
                row(sb, List.of("case_id", "lesion_label", "reader_a", "reader_b", "mean_volume_ml", "diff_volume_ml"));
                for (var p : a.blandAltman()) {
                    row(sb, List.of(p.caseId(), p.label(), p.a(), p.b(), n(p.meanMl()), n(p.diffMl())));
                }
            }
            default -> throw new IllegalArgumentException("table must be one of " + TABLES);
        }
        return sb.toString();
    }

    private static List<Object> concat(List<?> a, List<?> b) {
        List<Object> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String n(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static void row(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String s = String.valueOf(cells.get(i));
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) s = '"' + s.replace("\"", "\"\"") + '"';
            sb.append(s);
        }
        sb.append("\r\n");
    }
}

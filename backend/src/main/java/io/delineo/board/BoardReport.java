package io.delineo.board;

import io.delineo.board.BoardViews.BoardCase;
import io.delineo.board.BoardViews.DecisionView;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The printable case report: one self-contained HTML page (the browser prints it to PDF). */
final class BoardReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BoardReport() {
    }

    static String html(BoardCase c) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Delineo case report — ")
                .append(e(c.caseLabel())).append("</title><style>")
                .append("body{font:13px/1.45 system-ui,sans-serif;margin:32px;color:#111}h1{font-size:20px}")
                .append("h2{font-size:15px;margin-top:22px;border-bottom:1px solid #ccc}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}.bar{display:inline-block;")
                .append("height:10px;background:#3fb6a8;vertical-align:middle}.note{color:#555;font-size:12px}")
                .append("@media print{body{margin:12mm}}</style></head><body>");
        h.append("<h1>Tumour board case report: ").append(e(c.caseLabel())).append("</h1>");
        h.append("<p>Study: ").append(e(c.studyName())).append(" · released to the board by ").append(e(c.releasedBy()))
                .append(" on ").append(c.releasedAt().format(WHEN)).append("</p>");
        if (!c.releaseNote().isBlank()) h.append("<p>").append(e(c.releaseNote())).append("</p>");

        h.append("<h2>Consensus ROI</h2>");
        if (c.consensus() == null) h.append("<p>No approved consensus.</p>");
        else h.append("<p>Version ").append(c.consensus().version()).append(" (").append(e(c.consensus().method()))
                .append("), approved by ").append(e(c.consensus().approvedBy())).append(", ")
                .append(c.consensus().content().lesions().size()).append(" lesion(s).</p>");

        h.append("<h2>Reader agreement</h2><table><tr><th>Lesion</th><th>Readers</th><th>Mean Dice</th>")
                .append("<th>Min Dice</th></tr>");
        for (var a : c.agreement()) {
            h.append("<tr><td>").append(e(a.label())).append("</td><td>").append(a.readers()).append("</td><td>")
                    .append(n(a.meanDice())).append("</td><td>").append(n(a.minDice())).append("</td></tr>");
        }
        h.append("</table>");
        if (!c.stapleFigures().isEmpty()) {
            h.append("<p>STAPLE per reader:</p><table><tr><th>Reader</th><th>Lesion</th><th>Sensitivity</th>")
                    .append("<th>Specificity</th></tr>");
            for (var f : c.stapleFigures()) {
                h.append("<tr><td>").append(e(f.reader())).append("</td><td>").append(e(f.label())).append("</td><td>")
                        .append(n(f.sensitivity())).append("</td><td>").append(n(f.specificity())).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Key radiomics features (consensus ROI)</h2>");
        if (c.features().isEmpty()) h.append("<p>No features computed for the approved consensus.</p>");
        else {
            h.append("<table><tr><th>Feature</th><th>IBSI</th><th>Value</th></tr>");
            for (var f : c.features()) {
                h.append("<tr><td>").append(e(f.name())).append("</td><td>").append(e(f.column())).append("</td><td>")
                        .append(n(f.value())).append(' ').append(e(f.unit())).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Model predictions</h2>");
        if (c.predictions().isEmpty()) h.append("<p>No predictions.</p>");
        for (var p : c.predictions()) {
            h.append("<p><b>").append(e(p.modelId())).append(' ').append(e(p.modelVersion())).append("</b> (")
                    .append(e(p.task())).append(")").append(p.researchUseOnly() ? " — <b>research use only</b>" : "")
                    .append("<br>");
            for (Map.Entry<String, Double> prob : p.probabilities().entrySet()) {
                h.append(e(prob.getKey())).append(": <span class=\"bar\" style=\"width:")
                        .append(Math.round(prob.getValue() * 200)).append("px\"></span> ")
                        .append(String.format(Locale.ROOT, "%.1f %%", prob.getValue() * 100)).append("<br>");
            }
            h.append("<span class=\"note\">predicted ").append(e(p.predictedGrade())).append(" · model file sha256 ")
                    .append(e(p.modelSha256().substring(0, 12))).append("… · input ")
                    .append(e(p.inputHash().substring(0, 12))).append("… · consensus v").append(p.consensusVersion())
                    .append(" · ").append(p.createdAt().format(WHEN)).append("</span></p>");
        }

        h.append("<h2>Pathology</h2>");
        if (c.pathology() == null) h.append("<p>Not released to the board.</p>");
        else h.append("<p>WHO grade ").append(e(c.pathology().whoGrade())).append(", Ki-67 ")
                .append(c.pathology().ki67Percent() == null ? "—" : c.pathology().ki67Percent() + " %")
                .append(", mitoses ").append(c.pathology().mitoticCount() == null ? "—" : c.pathology().mitoticCount())
                .append(", source ").append(e(c.pathology().source())).append("</p>");

        h.append("<h2>Board decision</h2>");
        if (c.decision() == null) h.append("<p>No decision recorded.</p>");
        else decision(h, c.decision());
        if (c.decisionHistory().size() > 1) {
            h.append("<p class=\"note\">Earlier versions:</p>");
            for (DecisionView d : c.decisionHistory().subList(1, c.decisionHistory().size())) decision(h, d);
        }
        h.append("<p class=\"note\">Generated by Delineo. Model outputs are research-only and are not a diagnosis.</p>");
        return h.append("</body></html>").toString();
    }

    private static void decision(StringBuilder h, DecisionView d) {
        h.append("<p>Version ").append(d.version()).append(": final grade <b>").append(e(d.finalGrade()))
                .append("</b>; treatment: ").append(e(d.treatment())).append("<br>Attendees: ")
                .append(e(String.join(", ", d.attendees()))).append("<br>").append(e(d.note()))
                .append("<br><span class=\"note\">recorded by ").append(e(d.decidedBy())).append(" on ")
                .append(d.decidedAt().format(WHEN)).append("</span></p>");
    }

    private static String n(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.3g", v);
    }

    static String e(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.delineo.grading.demo;

import io.delineo.grading.model.Grade;
import io.delineo.grading.training.TrainingRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain CSV of a feature cohort: {@code case_id,grade,<feature columns...>}, numbers in Java's shortest exact
 * decimal form so a round trip reproduces every double bit for bit (the demo model rebuilds byte-identically).
 */
public final class CohortCsv {
    private CohortCsv() { }

    public static void write(Path file, List<TrainingRow> rows, List<String> features) throws IOException {
        StringBuilder b = new StringBuilder("case_id,grade");
        for (String f : features) b.append(',').append(f);
        b.append('\n');
        for (TrainingRow r : rows) {
            b.append(r.caseId()).append(',').append(r.grade());
            for (String f : features) b.append(',').append(Double.toString(r.features().get(f)));
            b.append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    public static List<TrainingRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(file + " is empty");
        String[] header = lines.get(0).split(",", -1);
        if (header.length < 3 || !header[0].equals("case_id") || !header[1].equals("grade")) {
            throw new IOException(file + ": header must start with case_id,grade");
        }
        List<TrainingRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            String[] cells = lines.get(n).split(",", -1);
            if (cells.length != header.length) {
                throw new IOException(file + " line " + (n + 1) + ": " + cells.length + " cells, header has " + header.length);
            }
            Map<String, Double> f = new LinkedHashMap<>();
            for (int c = 2; c < cells.length; c++) {
                try {
                    f.put(header[c], Double.parseDouble(cells[c]));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (n + 1) + ", column " + header[c] + ": not a number: " + cells[c]);
                }
            }
            rows.add(new TrainingRow(cells[0], f, Grade.parse(cells[1])));
        }
        return rows;
    }
}

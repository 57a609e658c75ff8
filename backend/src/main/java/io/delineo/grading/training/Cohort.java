package io.delineo.grading.training;

import io.delineo.grading.model.GradingTask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Training rows turned into a matrix: chosen feature columns (sorted by name, Tribuo's column order), class index per
 * case under the task (index into {@code task.labels()}). Refuses duplicate case ids, missing or non-finite values
 * (naming cases and features), a single class, and classes with fewer cases than folds.
 */
public record Cohort(List<String> caseIds, List<String> features, double[][] x, int[] classOf, List<String> labels) {
    public static Cohort of(List<TrainingRow> rows, TrainingConfig config) {
        if (rows == null || rows.isEmpty()) throw new TrainingException("no training rows");
        GradingTask task = config.task();
        List<String> features;
        if (config.features() != null) {
            features = new ArrayList<>(new TreeSet<>(config.features()));
        } else {
            Set<String> common = new TreeSet<>(rows.get(0).features().keySet());
            for (TrainingRow r : rows) common.retainAll(r.features().keySet());
            if (common.isEmpty()) throw new TrainingException("the rows share no feature column");
            features = new ArrayList<>(common);
        }
        Set<String> ids = new HashSet<>();
        double[][] x = new double[rows.size()][features.size()];
        int[] cls = new int[rows.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TrainingRow r = rows.get(i);
            if (!ids.add(r.caseId())) throw new TrainingException("case id " + r.caseId() + " appears twice");
            cls[i] = task.labels().indexOf(task.labelFor(r.grade()));
            List<String> bad = new ArrayList<>();
            for (int j = 0; j < features.size(); j++) {
                Double v = r.features().get(features.get(j));
                if (v == null || !Double.isFinite(v)) bad.add(features.get(j) + (v == null ? " (missing)" : " (" + v + ")"));
                else x[i][j] = v;
            }
            if (!bad.isEmpty() && problems.size() < 10) problems.add("case " + r.caseId() + ": " + bad);
        }
        if (!problems.isEmpty()) {
            throw new TrainingException("missing or non-finite (NaN) feature values; remove the features or the cases: "
                    + String.join("; ", problems));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String l : task.labels()) counts.put(l, 0);
        for (int c : cls) counts.merge(task.labels().get(c), 1, Integer::sum);
        long present = counts.values().stream().filter(n -> n > 0).count();
        if (present < 2) throw new TrainingException("all cases have the same class " + counts + "; need at least two classes");
        List<String> small = new ArrayList<>();
        counts.forEach((l, n) -> { if (n < config.folds()) small.add(l + " (" + n + ")"); });
        if (!small.isEmpty()) {
            throw new TrainingException("every class needs at least " + config.folds() + " cases for " + config.folds()
                    + "-fold cross-validation; too few: " + small + " of " + counts);
        }
        return new Cohort(rows.stream().map(TrainingRow::caseId).toList(), List.copyOf(features), x, cls, task.labels());
    }

    public int size() { return x.length; }

    /** Cases per label, in task label order. */
    public Map<String, Integer> countsPerLabel() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String l : labels) m.put(l, 0);
        for (int c : classOf) m.merge(labels.get(c), 1, Integer::sum);
        return m;
    }
}

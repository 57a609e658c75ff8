package io.delineo.grading.training;

import io.delineo.grading.model.Grade;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One case of the research cohort: its id, feature values (column → value) and pathology grade. */
public record TrainingRow(String caseId, Map<String, Double> features, Grade grade) {
    public TrainingRow {
        if (caseId == null || caseId.isBlank()) throw new TrainingException("a training row needs a case id");
        if (features == null) throw new TrainingException("case " + caseId + " has no features");
        if (grade == null) throw new TrainingException("case " + caseId + " has no grade");
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }
}

package io.delineo.grading.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The card's description of the training cohort: free text, nature, and cases per class label. */
public record TrainingDataInfo(String description, DataNature nature, Map<String, Integer> casesPerClass) {
    public TrainingDataInfo {
        if (description == null || description.isBlank()) {
            throw new ModelCardException("\"trainingData.description\" is required");
        }
        if (nature == null) throw new ModelCardException("\"trainingData.nature\" is required");
        if (casesPerClass == null || casesPerClass.isEmpty()) {
            throw new ModelCardException("\"trainingData.casesPerClass\" is required");
        }
        casesPerClass.forEach((k, v) -> {
            if (v == null || v < 0) {
                throw new ModelCardException("\"trainingData.casesPerClass\" of \"" + k + "\" must be a count >= 0");
            }
        });
        casesPerClass = Collections.unmodifiableMap(new LinkedHashMap<>(casesPerClass));
    }

    public int totalCases() { return casesPerClass.values().stream().mapToInt(Integer::intValue).sum(); }
}

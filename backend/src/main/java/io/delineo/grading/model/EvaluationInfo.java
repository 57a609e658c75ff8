package io.delineo.grading.model;

import java.util.List;

/** How the model was evaluated ({@code protocol}, free text) and the numbers obtained. */
public record EvaluationInfo(String protocol, List<Metric> metrics) {
    public EvaluationInfo {
        if (protocol == null || protocol.isBlank()) throw new ModelCardException("\"evaluation.protocol\" is required");
        if (metrics == null || metrics.isEmpty()) {
            throw new ModelCardException("\"evaluation.metrics\" must list at least one metric");
        }
        metrics = List.copyOf(metrics);
    }
}

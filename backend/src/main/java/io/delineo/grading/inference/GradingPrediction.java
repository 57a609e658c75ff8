package io.delineo.grading.inference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model output: probabilities per class label (card order), the arg-max label, the provenance of input and
 * model, timings, and warnings to show beside the result. {@code researchUseOnly} is copied from the card so a
 * caller cannot lose it on the way to the screen.
 */
public record GradingPrediction(String modelId, String modelVersion, String modelSha256, String inputSha256,
                                Map<String, Double> probabilities, String predictedLabel, boolean researchUseOnly,
                                long assemblyNanos, long inferenceNanos, List<String> warnings) {
    public GradingPrediction {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        warnings = List.copyOf(warnings);
    }

    public double probability(String label) {
        Double p = probabilities.get(label);
        if (p == null) throw new IllegalArgumentException("no class label \"" + label + "\"; labels: " + probabilities.keySet());
        return p;
    }
}

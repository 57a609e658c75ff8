package io.delineo.grading.model;

import java.util.List;

/** A model the registry refuses, with every reason found. */
public class ModelRejectedException extends RuntimeException {
    private final List<String> reasons;

    public ModelRejectedException(List<String> reasons) {
        super("model refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public ModelRejectedException(String where, List<String> reasons) {
        super("model " + where + " refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() { return reasons; }
}

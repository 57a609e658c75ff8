package io.delineo.grading.training;

/** A training request that cannot be honoured (too few cases, one class, undefined features...). */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) { super(message); }
}

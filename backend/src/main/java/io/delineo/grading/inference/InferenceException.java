package io.delineo.grading.inference;

/** A case that cannot be graded as asked (missing or non-finite inputs, wrong settings, empty ROI...). */
public class InferenceException extends RuntimeException {
    public InferenceException(String message) { super(message); }

    public InferenceException(String message, Throwable cause) { super(message, cause); }
}

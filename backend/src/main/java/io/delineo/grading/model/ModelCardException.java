package io.delineo.grading.model;

/** A model card that is malformed or contradicts itself or its model; the message names the field. */
public class ModelCardException extends RuntimeException {
    public ModelCardException(String message) { super(message); }

    public ModelCardException(String message, Throwable cause) { super(message, cause); }
}

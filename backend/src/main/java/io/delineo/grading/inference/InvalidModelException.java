package io.delineo.grading.inference;

/** Bytes that ONNX Runtime cannot load as a model (malformed, unsupported opset or operator). */
public class InvalidModelException extends RuntimeException {
    public InvalidModelException(String message, Throwable cause) { super(message, cause); }
}

package io.delineo.interop.common;

/**
 * An object that cannot be written or imported, with a message a person can act on (what is wrong, where, and
 * what is supported instead).
 */
public class InteropException extends RuntimeException {
    public InteropException(String message) {
        super(message);
    }

    public InteropException(String message, Throwable cause) {
        super(message, cause);
    }
}

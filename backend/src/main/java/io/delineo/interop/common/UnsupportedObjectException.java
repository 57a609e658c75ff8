package io.delineo.interop.common;

/** A well-formed object that uses a feature we deliberately do not import; the message names the feature. */
public class UnsupportedObjectException extends InteropException {
    public UnsupportedObjectException(String message) {
        super(message);
    }
}

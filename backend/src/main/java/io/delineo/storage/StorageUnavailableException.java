package io.delineo.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The object store cannot be reached or did not answer in time (after the client's retries). Nothing was written
 * by the failed call; the caller may retry later. Unchecked so that it reaches the HTTP edge (503) from any depth.
 */
public final class StorageUnavailableException extends UncheckedIOException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause instanceof IOException io ? io : new IOException(cause));
    }
}

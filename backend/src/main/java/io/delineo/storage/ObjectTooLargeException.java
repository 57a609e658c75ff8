package io.delineo.storage;

import java.io.IOException;

/** An upload exceeded the per-object limit; nothing of it was kept. */
public final class ObjectTooLargeException extends IOException {
    private final long limit;

    public ObjectTooLargeException(long limit) {
        super("object larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() { return limit; }
}

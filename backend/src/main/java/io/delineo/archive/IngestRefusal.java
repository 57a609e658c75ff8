package io.delineo.archive;

/** An object that is well-formed but contradicts what the archive already holds (e.g. a study under two patients). */
public class IngestRefusal extends RuntimeException {
    private final int reason;

    public IngestRefusal(int reason, String message) {
        super(message);
        this.reason = reason;
    }

    public int reason() { return reason; }
}

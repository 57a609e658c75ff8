package io.delineo.jobs;

/**
 * What one kind of study job does with one work item. Implemented by the package that owns the work (radiomics
 * implements feature jobs); the engine finds the implementation by {@link #kind()}. {@link #run} may be called more
 * than once for the same item (a replica died mid-item, or a failed item is retried), so what it stores must be
 * idempotent: unique keys, and replace rather than add.
 */
public interface JobWork {
    String kind();

    /**
     * Does the item's work, in transactions of its own. Returns what to record for the item; an exception fails the
     * item with the exception's message as its reason, and the job's other items go on.
     */
    ItemOutcome run(WorkItem item) throws Exception;

    /** Called in the transaction that changes the job's state (started, finished, cancelled, reopened for retry). */
    default void stateChanged(long jobId, String state) {
    }
}

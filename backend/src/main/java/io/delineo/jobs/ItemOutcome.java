package io.delineo.jobs;

/**
 * What a work item produced: a small JSON summary kept with the item (counts the owning package reads back), and a
 * failure reason when the item did not do all its work.
 */
public record ItemOutcome(String resultJson, String failureReason) {
    public static ItemOutcome succeeded(String resultJson) {
        return new ItemOutcome(resultJson, null);
    }

    public static ItemOutcome failed(String resultJson, String reason) {
        return new ItemOutcome(resultJson, reason);
    }
}

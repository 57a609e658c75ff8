package io.delineo.agreement.metrics;

/**
 * Which of two compared masks are empty; decides the conventions for undefined metrics.
 *
 * <ul>
 *   <li>{@link #NONE}: every metric is defined.</li>
 *   <li>{@link #FIRST_EMPTY} / {@link #SECOND_EMPTY}: Dice = Jaccard = 0 (their formulas are defined and give 0);
 *       surface distances are NaN (there is no surface to measure from or to).</li>
 *   <li>{@link #BOTH_EMPTY}: Dice and Jaccard are NaN (0/0: "nothing to agree on" is neither agreement nor
 *       disagreement, and averaging a made-up 1 would inflate inter-reader means); volumes and the volume difference
 *       are 0; relative volume differences and surface distances are NaN.</li>
 * </ul>
 */
public enum EmptyCase {
    NONE, FIRST_EMPTY, SECOND_EMPTY, BOTH_EMPTY;

    static EmptyCase of(long countA, long countB) {
        if (countA == 0 && countB == 0) return BOTH_EMPTY;
        if (countA == 0) return FIRST_EMPTY;
        if (countB == 0) return SECOND_EMPTY;
        return NONE;
    }
}

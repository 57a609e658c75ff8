package io.delineo.grading;

/**
 * Which cases the tumour board may see. Grading asks before showing predictions to a board member; the board, which
 * releases cases, implements it.
 */
public interface BoardReleases {
    boolean releasedToBoard(long caseId);
}

package io.delineo.study;

/** Draft (being set up, invisible to readers) → open (readers work) → closed (read-only for everyone). */
public enum StudyStatus {
    DRAFT, OPEN, CLOSED;

    public boolean mayMoveTo(StudyStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN;
            case OPEN -> next == CLOSED;
            case CLOSED -> next == OPEN;
        };
    }
}

package io.delineo.study;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How far readers are with the cases of a study, as the worklist and the PI's study pages need it, and whether their
 * work already pins a case. Reads belong to {@code contour}, which implements this; the study side only asks.
 */
public interface ReadProgress {
    /** A reader's read of a case: {@code IN_PROGRESS} or {@code SUBMITTED}, its version (0 before the first save). */
    record ReadState(long caseId, String reader, String status, int version, OffsetDateTime updatedAt) {
    }

    List<ReadState> ofCases(List<StudyCase> cases);

    Optional<ReadState> of(StudyCase c, String reader);

    /** Whether any reader has started on the case. */
    boolean anyStarted(StudyCase c);

    /** Whether any of these readers has started on a case of the study. */
    boolean anyStartedBy(ReaderStudy s, Collection<String> readers);
}

package io.delineo.contour;

import java.time.OffsetDateTime;

/** Response bodies of the contour API. */
public final class ReadViews {
    private ReadViews() {
    }

    /** A read as its reader (my-read) or the PI (all reads) sees it. */
    public record ReadView(Long readId, long caseId, String reader, String status, int version, ReadContent content,
                           OffsetDateTime updatedAt, OffsetDateTime submittedAt) {
    }
}

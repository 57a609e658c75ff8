package io.delineo.contour;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** Response bodies of the contour API. */
public final class ReadViews {
    private ReadViews() {
    }

    /**
     * A read as its reader (my-read) or the PI (all reads) sees it. The content is the stored canonical JSON, sent
     * as it is: parsing and printing thousands of coordinates again cost a save a fifth of its CPU.
     */
    public record ReadView(Long readId, long caseId, String reader, String status, int version,
                           @JsonRawValue @Schema(implementation = ReadContent.class) String content,
                           OffsetDateTime updatedAt, OffsetDateTime submittedAt) {
    }
}

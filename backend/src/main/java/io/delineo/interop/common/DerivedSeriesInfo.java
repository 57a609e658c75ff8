package io.delineo.interop.common;

import io.delineo.dicom.UidGenerator;

import java.time.LocalDateTime;

/**
 * Identity of a new derived object (RTSTRUCT, SEG): its series and instance, who made it and when.
 *
 * @param seriesDescription (0008,103E)
 * @param seriesNumber      (0020,0011)
 * @param creatorName       the reader (or "consensus"): Content Creator's Name in SEG, ROI Interpreter and
 *                          Operators' Name in RTSTRUCT; a DICOM PN such as {@code "Reader^One"} or a plain name
 * @param created           Series/Content/Instance Creation date and time
 */
public record DerivedSeriesInfo(String seriesDescription, int seriesNumber, String creatorName, LocalDateTime created,
                                String seriesInstanceUid, String sopInstanceUid) {
    public DerivedSeriesInfo {
        if (seriesDescription == null || seriesDescription.isBlank()) {
            throw new IllegalArgumentException("a series description is required");
        }
        if (seriesDescription.length() > 64) {
            throw new IllegalArgumentException("series description is at most 64 characters (LO), got "
                    + seriesDescription.length());
        }
        if (seriesNumber < 0) throw new IllegalArgumentException("series number must not be negative");
        if (creatorName == null) creatorName = "";
        if (creatorName.length() > 64) throw new IllegalArgumentException("creator name is at most 64 characters");
        if (created == null) throw new IllegalArgumentException("a creation time is required");
        if (!UidGenerator.isValid(seriesInstanceUid) || !UidGenerator.isValid(sopInstanceUid)) {
            throw new IllegalArgumentException("series and SOP instance UIDs must be valid UIDs");
        }
    }

    /** New UIDs, now. */
    public static DerivedSeriesInfo of(String seriesDescription, int seriesNumber, String creatorName) {
        return new DerivedSeriesInfo(seriesDescription, seriesNumber, creatorName, LocalDateTime.now(),
                UidGenerator.newUid(), UidGenerator.newUid());
    }
}

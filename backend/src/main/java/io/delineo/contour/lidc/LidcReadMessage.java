package io.delineo.contour.lidc;

import java.util.List;

/** A parsed LIDC-IDRI annotation file ({@code <LidcReadMessage>}), typically four reading sessions. */
public record LidcReadMessage(String seriesInstanceUid, String studyInstanceUid, List<LidcReadingSession> sessions) {
    public LidcReadMessage {
        sessions = List.copyOf(sessions == null ? List.of() : sessions);
    }
}

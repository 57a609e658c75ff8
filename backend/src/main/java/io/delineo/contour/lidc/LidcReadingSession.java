package io.delineo.contour.lidc;

import java.util.List;

/** One {@code <readingSession>}: one radiologist's (anonymised) reading of the series. */
public record LidcReadingSession(String annotationVersion, String servicingRadiologistId, List<LidcNodule> nodules,
                                 List<LidcNonNodule> nonNodules) {
    public LidcReadingSession {
        nodules = List.copyOf(nodules == null ? List.of() : nodules);
        nonNodules = List.copyOf(nonNodules == null ? List.of() : nonNodules);
    }
}

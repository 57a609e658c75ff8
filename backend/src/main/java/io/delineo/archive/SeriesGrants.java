package io.delineo.archive;

import java.util.Set;

/**
 * Grants a non-privileged user (reader, board member) sight of particular series. Implemented by the capabilities
 * that assign cases (reader studies, the tumour board); the archive asks every implementation and takes the union.
 */
public interface SeriesGrants {
    /** Series instance UIDs this user may search and retrieve. */
    Set<String> seriesVisibleTo(String userName, Set<String> roles);
}

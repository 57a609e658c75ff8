package io.delineo.archive.volume;

import io.delineo.imaging.Volume;

import java.util.List;

/**
 * A series as a 3-D volume: real values (HU for CT) on a grid in patient coordinates, and the SOP Instance UID of each
 * slice k, so contours that reference instances can be placed on the grid.
 */
public record SeriesVolume(Volume volume, List<String> sopInstanceUidBySlice, String frameOfReferenceUid) {

    public int sliceOf(String sopInstanceUid) {
        return sopInstanceUidBySlice.indexOf(sopInstanceUid);
    }
}

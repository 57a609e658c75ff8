package io.delineo.interop.seg;

import io.delineo.dicom.Code;
import io.delineo.imaging.BitMask;

import java.util.List;

/**
 * A segmentation as read: one mask per segment on the referenced series grid (overlapping segments keep separate
 * masks), with notes on anything unusual that was accepted.
 *
 * @param segmentationType BINARY, FRACTIONAL or LABELMAP as stored
 */
public record Segmentation(String sopInstanceUid, String segmentationType, List<Segment> segments, List<String> notes) {
    public Segmentation {
        segments = List.copyOf(segments);
        notes = List.copyOf(notes);
    }

    /** One segment: its number, label, codes and voxels. */
    public record Segment(int number, String label, String algorithmType, Code category, Code type, BitMask mask) {
    }

    public Segment segment(int number) {
        return segments.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no segment number " + number));
    }
}

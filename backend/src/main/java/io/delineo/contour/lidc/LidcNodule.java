package io.delineo.contour.lidc;

import java.util.List;
import java.util.Map;

/**
 * One {@code <unblindedReadNodule>} of one reading session: the reader's nodule ID, the characteristics ratings
 * (subtlety, malignancy, …, when present) and its ROIs.
 */
public record LidcNodule(String noduleId, Map<String, Integer> characteristics, List<LidcRoi> rois) {
    public LidcNodule {
        if (noduleId == null) throw new IllegalArgumentException("noduleID is required");
        characteristics = Map.copyOf(characteristics == null ? Map.of() : characteristics);
        rois = List.copyOf(rois == null ? List.of() : rois);
    }

    /** True when at least one ROI is an outline (a nodule ≥ 3 mm); false for centre-only nodules &lt; 3 mm. */
    public boolean isContoured() { return rois.stream().anyMatch(LidcRoi::isPolygon); }
}

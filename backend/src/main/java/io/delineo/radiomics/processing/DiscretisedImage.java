package io.delineo.radiomics.processing;

/**
 * Grey levels 1..{@code levels} of the intensity-mask voxels (0 elsewhere), on the {@link PreparedRoi} box.
 * {@code binWidth}/{@code minimum} describe the mapping back to intensities (FBS: bin k covers
 * [minimum + (k-1)w, minimum + k w)).
 */
public record DiscretisedImage(int[] levels, int levelCount, double minimum, double binWidth) {
}

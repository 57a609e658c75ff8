package io.delineo.interop.rtstruct;

/** Distinct display colours for ROIs/segments, cycled by index (a qualitative palette, RGB 0-255). */
public final class RoiColors {
    private static final int[][] PALETTE = {
            {230, 25, 75}, {60, 180, 75}, {255, 225, 25}, {0, 130, 200}, {245, 130, 48}, {145, 30, 180},
            {70, 240, 240}, {240, 50, 230}, {210, 245, 60}, {250, 190, 212}, {0, 128, 128}, {170, 110, 40}};

    private RoiColors() {
    }

    /** RGB of the n-th ROI (0-based). */
    public static int[] of(int n) {
        if (n < 0) throw new IllegalArgumentException("ROI index must not be negative");
        return PALETTE[n % PALETTE.length].clone();
    }
}

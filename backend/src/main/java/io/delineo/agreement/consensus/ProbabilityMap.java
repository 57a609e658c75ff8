package io.delineo.agreement.consensus;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

/**
 * Per-voxel probabilities (float) stored only on a box of the grid; voxels outside the box have probability 0.
 * {@code values} is indexed box-locally: {@code (i-iMin) + sizeI*((j-jMin) + sizeJ*(k-kMin))}.
 */
public final class ProbabilityMap {
    private final ImageGrid grid;
    private final BitMask.Box region;
    private final float[] values;

    public ProbabilityMap(ImageGrid grid, BitMask.Box region, float[] values) {
        if (grid == null || region == null || values == null) {
            throw new IllegalArgumentException("grid, region and values are required");
        }
        if (region.iMin() < 0 || region.jMin() < 0 || region.kMin() < 0 || region.iMax() >= grid.nx()
                || region.jMax() >= grid.ny() || region.kMax() >= grid.nz()) {
            throw new IllegalArgumentException("region " + region + " is not inside the grid " + grid);
        }
        if (values.length != region.voxelCount()) {
            throw new IllegalArgumentException("region has " + region.voxelCount() + " voxels, got " + values.length
                    + " values");
        }
        this.grid = grid;
        this.region = region;
        this.values = values;
    }

    public ImageGrid grid() { return grid; }

    public BitMask.Box region() { return region; }

    public float get(int i, int j, int k) {
        if (!grid.contains(i, j, k)) {
            throw new IndexOutOfBoundsException("voxel (" + i + ", " + j + ", " + k + ") is outside the grid");
        }
        if (!region.contains(i, j, k)) return 0f;
        return values[(i - region.iMin()) + region.sizeI() * ((j - region.jMin()) + region.sizeJ() * (k - region.kMin()))];
    }

    /** A copy of the box-local values. */
    public float[] values() { return values.clone(); }

    /** Voxels with probability ≥ {@code threshold} (threshold in (0, 1]). */
    public BitMask threshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        BitMask out = new BitMask(grid);
        int n = 0;
        for (int k = region.kMin(); k <= region.kMax(); k++) {
            for (int j = region.jMin(); j <= region.jMax(); j++) {
                for (int i = region.iMin(); i <= region.iMax(); i++, n++) {
                    if (values[n] >= threshold) out.set(i, j, k);
                }
            }
        }
        return out;
    }
}

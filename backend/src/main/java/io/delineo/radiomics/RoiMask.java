package io.delineo.radiomics;

import io.delineo.imaging.ImageGrid;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A binary region of interest on an {@link ImageGrid}: voxel {@code n} (linear index, see ImageGrid) is inside when
 * {@link #contains(int)} is true. Kept deliberately small so that other mask types (e.g. a bit-packed mask) can be
 * adapted through {@link #fromPredicate}.
 */
public final class RoiMask {
    private final ImageGrid grid;
    private final boolean[] inside;
    private final int count;

    private RoiMask(ImageGrid grid, boolean[] inside) {
        if (grid == null) throw new IllegalArgumentException("ROI mask needs a grid");
        if (inside == null || inside.length != grid.size()) {
            throw new IllegalArgumentException("ROI mask has " + (inside == null ? 0 : inside.length)
                    + " voxels, its grid needs " + grid.size());
        }
        this.grid = grid;
        this.inside = inside;
        int c = 0;
        for (boolean b : inside) if (b) c++;
        this.count = c;
    }

    /** Wraps a copy of {@code inside} (one flag per voxel, ImageGrid linear order). */
    public static RoiMask of(ImageGrid grid, boolean[] inside) {
        return new RoiMask(grid, inside == null ? null : inside.clone());
    }

    /** Adapter for any mask representation: {@code insideAt} is asked once per linear voxel index. */
    public static RoiMask fromPredicate(ImageGrid grid, IntPredicate insideAt) {
        if (grid == null || insideAt == null) throw new IllegalArgumentException("grid and predicate are required");
        boolean[] b = new boolean[grid.size()];
        for (int n = 0; n < b.length; n++) b[n] = insideAt.test(n);
        return new RoiMask(grid, b);
    }

    public ImageGrid grid() { return grid; }

    public boolean contains(int linearIndex) { return inside[linearIndex]; }

    public int voxelCount() { return count; }

    /** A copy of the flags. */
    public boolean[] toArray() { return inside.clone(); }

    @Override
    public String toString() { return "RoiMask[" + count + " voxels on " + grid + "]"; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoiMask m && m.grid.equals(grid) && Arrays.equals(m.inside, inside);
    }

    @Override
    public int hashCode() { return grid.hashCode() * 31 + Arrays.hashCode(inside); }
}

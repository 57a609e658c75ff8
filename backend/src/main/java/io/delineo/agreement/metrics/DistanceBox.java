package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.Arrays;

/**
 * The sub-volume where distances are computed: the bounding box of the union of some masks plus a margin, clipped
 * to the grid. Every voxel of those masks lies inside it, so an EDT of feature voxels taken from those masks is
 * exact inside the box (the nearest feature of any box voxel is in the box). Voxels are addressed by box-local
 * linear index {@code (i-iMin) + sx*((j-jMin) + sy*(k-kMin))}.
 */
final class DistanceBox {
    /** One voxel of margin keeps the box's outer layer empty, so no surface voxel sits on the box border. */
    static final int MARGIN = 1;
    /** Largest box (voxels) whose double-precision distance buffer we allocate: 100 M voxels = 800 MB. */
    static final long MAX_BOX_VOXELS = 100_000_000L;

    final ImageGrid grid;
    final BitMask.Box box;
    final int sx, sy, sz;

    private DistanceBox(ImageGrid grid, BitMask.Box box) {
        if (box.voxelCount() > MAX_BOX_VOXELS) {
            throw new IllegalArgumentException("the masks span " + box.voxelCount() + " voxels (" + box.sizeI() + "x"
                    + box.sizeJ() + "x" + box.sizeK() + "), more than the " + MAX_BOX_VOXELS
                    + " voxels surface distances are computed on; are these really delineations of one lesion?");
        }
        this.grid = grid;
        this.box = box;
        this.sx = box.sizeI();
        this.sy = box.sizeJ();
        this.sz = box.sizeK();
    }

    /** The box around all non-empty masks, or null when every mask is empty. */
    static DistanceBox around(BitMask... masks) {
        BitMask.Box union = null;
        for (BitMask m : masks) {
            if (m == null) continue;
            BitMask.Box b = m.boundingBox();
            if (b != null) union = union == null ? b : union.union(b);
        }
        return union == null ? null : new DistanceBox(masks[0].grid(), union.expand(MARGIN, masks[0].grid()));
    }

    int size() { return sx * sy * sz; }

    /**
     * Box-local indices of the surface voxels of {@code m}: set voxels with at least one of their 6 face neighbours
     * unset or outside the grid. Ascending order.
     */
    int[] surface(BitMask m) { return collect(m, true); }

    /** Box-local indices of every set voxel of {@code m} inside the box. Ascending order. */
    int[] voxels(BitMask m) { return collect(m, false); }

    private int[] collect(BitMask m, boolean surfaceOnly) {
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz(), slice = grid.sliceSize();
        int[] out = new int[64];
        int count = 0;
        for (int k = box.kMin(); k <= box.kMax(); k++) {
            for (int j = box.jMin(); j <= box.jMax(); j++) {
                int rowStart = grid.index(0, j, k);
                int end = rowStart + box.iMax() + 1;
                for (int n = m.nextSetBit(rowStart + box.iMin(), end); n >= 0; n = m.nextSetBit(n + 1, end)) {
                    int i = n - rowStart;
                    if (surfaceOnly
                            && !(i == 0 || !m.get(n - 1) || i == nx - 1 || !m.get(n + 1)
                            || j == 0 || !m.get(n - nx) || j == ny - 1 || !m.get(n + nx)
                            || k == 0 || !m.get(n - slice) || k == nz - 1 || !m.get(n + slice))) {
                        continue;
                    }
                    if (count == out.length) out = Arrays.copyOf(out, count * 2);
                    out[count++] = (i - box.iMin()) + sx * ((j - box.jMin()) + sy * (k - box.kMin()));
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Squared distance (mm²) from every box voxel to the nearest of {@code features} (box-local indices). */
    double[] squaredDistanceTo(int[] features) {
        double[] f = new double[size()];
        Arrays.fill(f, Double.POSITIVE_INFINITY);
        for (int n : features) f[n] = 0;
        SquaredEdt.transform(f, sx, sy, sz, grid.sx(), grid.sy(), grid.sz());
        return f;
    }

    /** Distances (mm) at the given box-local voxels, read from a squared-distance buffer. */
    static double[] distancesAt(double[] squared, int[] at) {
        double[] d = new double[at.length];
        for (int n = 0; n < at.length; n++) d[n] = Math.sqrt(squared[at[n]]);
        return d;
    }
}

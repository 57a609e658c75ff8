package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;

/**
 * 2-D Dice on every slice k of the grid: 2|A∩B|<sub>k</sub> / (|A|<sub>k</sub> + |B|<sub>k</sub>). Slices where both
 * masks are empty get NaN (nothing to compare); a slice contoured by only one of the two gets 0.
 */
public record SliceDiceProfile(long[] voxelsA, long[] voxelsB, long[] intersection) {

    public static SliceDiceProfile of(BitMask a, BitMask b) {
        if (a == null || b == null) throw new IllegalArgumentException("both masks are required");
        a.requireSameGrid(b);
        int nz = a.grid().nz(), s = a.grid().sliceSize();
        long[] inter = new long[nz];
        for (int k = 0; k < nz; k++) inter[k] = a.andCountRange(b, k * s, (k + 1) * s);
        return new SliceDiceProfile(a.sliceCounts(), b.sliceCounts(), inter);
    }

    public SliceDiceProfile {
        if (voxelsA.length != voxelsB.length || voxelsA.length != intersection.length) {
            throw new IllegalArgumentException("per-slice arrays differ in length");
        }
        voxelsA = voxelsA.clone();
        voxelsB = voxelsB.clone();
        intersection = intersection.clone();
    }

    /** The same comparison with the roles of A and B exchanged. */
    public SliceDiceProfile swapped() { return new SliceDiceProfile(voxelsB, voxelsA, intersection); }

    public int sliceCount() { return voxelsA.length; }

    public double dice(int k) {
        long sum = voxelsA[k] + voxelsB[k];
        return sum == 0 ? Double.NaN : 2.0 * intersection[k] / sum;
    }

    /** Dice per slice (NaN where neither mask has voxels). */
    public double[] dice() {
        double[] d = new double[sliceCount()];
        for (int k = 0; k < d.length; k++) d[k] = dice(k);
        return d;
    }

    @Override public long[] voxelsA() { return voxelsA.clone(); }
    @Override public long[] voxelsB() { return voxelsB.clone(); }
    @Override public long[] intersection() { return intersection.clone(); }
}

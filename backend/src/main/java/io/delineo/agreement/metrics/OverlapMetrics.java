package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;

/**
 * Voxel-overlap agreement of two masks A and B on the same grid (counted word-wise, exact integers).
 *
 * <ul>
 *   <li>Dice = 2|A∩B| / (|A|+|B|); Jaccard = |A∩B| / |A∪B|.</li>
 *   <li>Volumes in mL = voxel count × voxel volume / 1000.</li>
 *   <li>{@link #volumeDifferenceMl()} = V<sub>B</sub> − V<sub>A</sub> (signed);
 *       {@link #relativeVolumeDifferencePercent()} = 100·(V<sub>B</sub> − V<sub>A</sub>)/V<sub>A</sub> (A as the
 *       reference, e.g. a consensus); {@link #symmetricRelativeVolumeDifferencePercent()} =
 *       100·|V<sub>B</sub> − V<sub>A</sub>| / ((V<sub>A</sub>+V<sub>B</sub>)/2) (for two peer readers).</li>
 * </ul>
 * Empty masks: see {@link EmptyCase}.
 */
public record OverlapMetrics(long voxelsA, long voxelsB, long intersection, long union, double voxelVolumeMm3) {

    public static OverlapMetrics of(BitMask a, BitMask b) {
        if (a == null || b == null) throw new IllegalArgumentException("both masks are required");
        a.requireSameGrid(b);
        long inter = a.andCount(b);
        long ca = a.cardinality(), cb = b.cardinality();
        return new OverlapMetrics(ca, cb, inter, ca + cb - inter, a.grid().voxelVolumeMm3());
    }

    public OverlapMetrics {
        if (voxelsA < 0 || voxelsB < 0 || intersection < 0 || intersection > Math.min(voxelsA, voxelsB)
                || union != voxelsA + voxelsB - intersection) {
            throw new IllegalArgumentException("inconsistent voxel counts: |A|=" + voxelsA + " |B|=" + voxelsB
                    + " |A∩B|=" + intersection + " |A∪B|=" + union);
        }
        if (!(voxelVolumeMm3 > 0)) throw new IllegalArgumentException("voxel volume must be positive");
    }

    /** The same comparison with the roles of A and B exchanged. */
    public OverlapMetrics swapped() {
        return new OverlapMetrics(voxelsB, voxelsA, intersection, union, voxelVolumeMm3);
    }

    public EmptyCase emptyCase() { return EmptyCase.of(voxelsA, voxelsB); }

    /** 2|A∩B|/(|A|+|B|); 0 when exactly one mask is empty, NaN when both are. */
    public double dice() { return union == 0 ? Double.NaN : 2.0 * intersection / (voxelsA + voxelsB); }

    /** |A∩B|/|A∪B|; 0 when exactly one mask is empty, NaN when both are. */
    public double jaccard() { return union == 0 ? Double.NaN : (double) intersection / union; }

    public double volumeAMl() { return voxelsA * voxelVolumeMm3 / 1000.0; }

    public double volumeBMl() { return voxelsB * voxelVolumeMm3 / 1000.0; }

    /** V<sub>B</sub> − V<sub>A</sub> in mL. */
    public double volumeDifferenceMl() { return (voxelsB - voxelsA) * voxelVolumeMm3 / 1000.0; }

    public double absoluteVolumeDifferenceMl() { return Math.abs(volumeDifferenceMl()); }

    /** 100·(V<sub>B</sub> − V<sub>A</sub>)/V<sub>A</sub>; NaN when A is empty. */
    public double relativeVolumeDifferencePercent() {
        return voxelsA == 0 ? Double.NaN : 100.0 * (voxelsB - voxelsA) / voxelsA;
    }

    /** 100·|V<sub>B</sub> − V<sub>A</sub>|/mean(V<sub>A</sub>, V<sub>B</sub>), in [0, 200]; NaN when both are empty. */
    public double symmetricRelativeVolumeDifferencePercent() {
        return union == 0 ? Double.NaN : 200.0 * Math.abs(voxelsB - voxelsA) / (voxelsA + voxelsB);
    }
}

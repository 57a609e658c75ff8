package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;

/**
 * Symmetric surface-distance metrics between masks A and B on the same grid, in mm, with anisotropic spacing.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>Surface</b> ∂X: the voxels of X with at least one of their 6 face neighbours outside X (or outside the
 *       grid). Distances are between voxel centres.</li>
 *   <li>d(a, ∂B) = distance from the centre of a to the nearest centre in ∂B, from an exact Euclidean distance
 *       transform ({@link SquaredEdt}) computed on the bounding box of A∪B plus one voxel — exact, because every
 *       voxel of ∂B lies in that box.</li>
 *   <li><b>HD</b> = max( max<sub>a∈∂A</sub> d(a,∂B), max<sub>b∈∂B</sub> d(b,∂A) ).</li>
 *   <li><b>HD95</b> = max( P95<sub>a∈∂A</sub> d(a,∂B), P95<sub>b∈∂B</sub> d(b,∂A) ), P95 the nearest-rank 95th
 *       percentile of each directed set (as MONAI / the DeepMind surface-distance package take the max of the
 *       two directed percentiles; they interpolate or weight by surfel area, we do not).</li>
 *   <li><b>MSD</b> (mean symmetric surface distance, "ASSD") = (Σ<sub>∂A</sub> d(a,∂B) + Σ<sub>∂B</sub> d(b,∂A)) /
 *       (|∂A| + |∂B|).</li>
 * </ul>
 * Identical masks give 0 for all three. When either mask is empty every distance is NaN ({@link #emptyCase()}).
 *
 * <p>Relation to plastimatch 1.9.4 ({@code plastimatch dice --hausdorff}): our HD equals its
 * "Hausdorff distance (boundary)", which uses the same surface and distances; its "Percent (0.95) Hausdorff
 * distance (boundary)" is the <i>mean</i> of the two directed percentiles with rank {@code floor(0.95·n − 1)} (zero
 * based), so it is ≤ our HD95. {@link PlastimatchDistances} reproduces all its numbers.
 */
public record SurfaceDistances(EmptyCase emptyCase, DirectedDistances aToB, DirectedDistances bToA) {

    public SurfaceDistances {
        if (emptyCase == null || aToB == null || bToA == null) {
            throw new IllegalArgumentException("empty case and both directed distances are required");
        }
    }

    public static SurfaceDistances compute(BitMask a, BitMask b) {
        if (a == null || b == null) throw new IllegalArgumentException("both masks are required");
        a.requireSameGrid(b);
        EmptyCase empty = EmptyCase.of(a.cardinality(), b.cardinality());
        if (empty != EmptyCase.NONE) {
            return new SurfaceDistances(empty, DirectedDistances.UNDEFINED, DirectedDistances.UNDEFINED);
        }
        DistanceBox box = DistanceBox.around(a, b);
        int[] surfaceA = box.surface(a), surfaceB = box.surface(b);
        double[] toB = DistanceBox.distancesAt(box.squaredDistanceTo(surfaceB), surfaceA);
        double[] toA = DistanceBox.distancesAt(box.squaredDistanceTo(surfaceA), surfaceB);
        return new SurfaceDistances(EmptyCase.NONE, DirectedDistances.of(toB), DirectedDistances.of(toA));
    }

    /** The same comparison with the roles of A and B exchanged. */
    public SurfaceDistances swapped() {
        EmptyCase e = switch (emptyCase) {
            case FIRST_EMPTY -> EmptyCase.SECOND_EMPTY;
            case SECOND_EMPTY -> EmptyCase.FIRST_EMPTY;
            default -> emptyCase;
        };
        return new SurfaceDistances(e, bToA, aToB);
    }

    public double hausdorffMm() { return Math.max(aToB.maxMm(), bToA.maxMm()); }

    public double hd95Mm() { return Math.max(aToB.p95Mm(), bToA.p95Mm()); }

    public double meanSurfaceDistanceMm() {
        if (emptyCase != EmptyCase.NONE) return Double.NaN;
        return (aToB.sumMm() + bToA.sumMm()) / (aToB.surfaceVoxels() + bToA.surfaceVoxels());
    }
}

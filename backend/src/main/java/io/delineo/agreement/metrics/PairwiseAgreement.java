package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;

/** Everything we report for one pair of masks (A, B) on the same grid. */
public record PairwiseAgreement(OverlapMetrics overlap, SurfaceDistances distances, SliceDiceProfile sliceDice) {

    public PairwiseAgreement {
        if (overlap == null || distances == null || sliceDice == null) {
            throw new IllegalArgumentException("overlap, distances and slice profile are required");
        }
    }

    public static PairwiseAgreement of(BitMask a, BitMask b) {
        return new PairwiseAgreement(OverlapMetrics.of(a, b), SurfaceDistances.compute(a, b), SliceDiceProfile.of(a, b));
    }

    /** The same comparison with the roles of A and B exchanged. */
    public PairwiseAgreement swapped() {
        return new PairwiseAgreement(overlap.swapped(), distances.swapped(), sliceDice.swapped());
    }

    public double dice() { return overlap.dice(); }
    public double jaccard() { return overlap.jaccard(); }
    public double hausdorffMm() { return distances.hausdorffMm(); }
    public double hd95Mm() { return distances.hd95Mm(); }
    public double meanSurfaceDistanceMm() { return distances.meanSurfaceDistanceMm(); }
}

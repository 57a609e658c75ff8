package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;

import java.util.ArrayList;
import java.util.List;

/**
 * Agreement among N readers' masks of one lesion (same grid): every pair's {@link PairwiseAgreement}, the N×N Dice
 * matrix, the mean pairwise Dice and the generalized conformity index.
 *
 * <p>The surface EDTs are shared: one transform per reader on the bounding box of all readers plus one voxel
 * (exact for every pair, see {@link DistanceBox}), instead of two per pair.
 */
public final class AgreementMatrix {
    private final List<BitMask> readers;
    private final PairwiseAgreement[][] pairs;

    private AgreementMatrix(List<BitMask> readers, PairwiseAgreement[][] pairs) {
        this.readers = readers;
        this.pairs = pairs;
    }

    /** @param readers at least two masks on the same grid, one per reader (empty masks allowed) */
    public static AgreementMatrix compute(List<BitMask> readers) {
        if (readers == null || readers.size() < 2) {
            throw new IllegalArgumentException("agreement needs at least two readers' masks, got "
                    + (readers == null ? 0 : readers.size()));
        }
        for (int r = 0; r < readers.size(); r++) {
            if (readers.get(r) == null) throw new IllegalArgumentException("reader " + r + "'s mask is null");
            readers.get(0).requireSameGrid(readers.get(r));
        }
        int n = readers.size();
        DirectedDistances[][] directed = directedDistances(readers);
        PairwiseAgreement[][] pairs = new PairwiseAgreement[n][n];
        for (int r = 0; r < n; r++) {
            for (int s = r + 1; s < n; s++) {
                BitMask a = readers.get(r), b = readers.get(s);
                OverlapMetrics overlap = OverlapMetrics.of(a, b);
                EmptyCase empty = overlap.emptyCase();
                SurfaceDistances distances = empty == EmptyCase.NONE
                        ? new SurfaceDistances(empty, directed[r][s], directed[s][r])
                        : new SurfaceDistances(empty, DirectedDistances.UNDEFINED, DirectedDistances.UNDEFINED);
                pairs[r][s] = new PairwiseAgreement(overlap, distances, SliceDiceProfile.of(a, b));
                pairs[s][r] = pairs[r][s].swapped();
            }
        }
        return new AgreementMatrix(List.copyOf(readers), pairs);
    }

    /** {@code d[r][s]}: distances from ∂reader r to ∂reader s (null when either is empty). */
    private static DirectedDistances[][] directedDistances(List<BitMask> readers) {
        int n = readers.size();
        DirectedDistances[][] d = new DirectedDistances[n][n];
        DistanceBox box = DistanceBox.around(readers.toArray(new BitMask[0]));
        if (box == null) return d;
        int[][] surfaces = new int[n][];
        for (int r = 0; r < n; r++) surfaces[r] = box.surface(readers.get(r));
        for (int s = 0; s < n; s++) {
            if (surfaces[s].length == 0) continue;
            double[] squaredToS = box.squaredDistanceTo(surfaces[s]);
            for (int r = 0; r < n; r++) {
                if (r != s && surfaces[r].length > 0) {
                    d[r][s] = DirectedDistances.of(DistanceBox.distancesAt(squaredToS, surfaces[r]));
                }
            }
        }
        return d;
    }

    public int readerCount() { return readers.size(); }

    /** Reader r (as A) against reader s (as B), r ≠ s. */
    public PairwiseAgreement pair(int r, int s) {
        if (r == s || r < 0 || s < 0 || r >= readerCount() || s >= readerCount()) {
            throw new IllegalArgumentException("no pair (" + r + ", " + s + ") among " + readerCount() + " readers");
        }
        return pairs[r][s];
    }

    /** The symmetric N×N Dice matrix; the diagonal is 1 for a non-empty mask and NaN for an empty one. */
    public double[][] diceMatrix() {
        int n = readerCount();
        double[][] m = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int s = 0; s < n; s++) {
                m[r][s] = r == s ? (readers.get(r).isEmpty() ? Double.NaN : 1.0) : pairs[r][s].dice();
            }
        }
        return m;
    }

    /** Mean Dice over the N(N−1)/2 pairs, skipping pairs whose Dice is undefined (both empty); NaN if none is. */
    public double meanPairwiseDice() {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < readerCount(); r++) {
            for (int s = r + 1; s < readerCount(); s++) {
                double d = pairs[r][s].dice();
                if (!Double.isNaN(d)) {
                    sum += d;
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Generalized conformity index (Kouwenhoven et al., Int J Radiat Oncol Biol Phys 2009;74:1540):
     * Σ<sub>pairs</sub>|A∩B| / Σ<sub>pairs</sub>|A∪B| over the N(N−1)/2 unordered pairs; NaN when all masks are empty.
     */
    public double generalizedConformityIndex() {
        long inter = 0, union = 0;
        for (int r = 0; r < readerCount(); r++) {
            for (int s = r + 1; s < readerCount(); s++) {
                inter += pairs[r][s].overlap().intersection();
                union += pairs[r][s].overlap().union();
            }
        }
        return union == 0 ? Double.NaN : (double) inter / union;
    }

    /** Each reader (as B) against {@code reference} (as A, e.g. a consensus mask), in reader order. */
    public List<PairwiseAgreement> versus(BitMask reference) {
        if (reference == null) throw new IllegalArgumentException("reference mask is required");
        List<PairwiseAgreement> out = new ArrayList<>();
        for (BitMask reader : readers) out.add(PairwiseAgreement.of(reference, reader));
        return out;
    }
}

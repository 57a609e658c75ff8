package io.delineo.agreement.consensus;

import io.delineo.imaging.BitMask;

import java.util.Arrays;
import java.util.List;

/**
 * Binary STAPLE (Warfield, Zou, Wells: "Simultaneous Truth and Performance Level Estimation", IEEE TMI
 * 23(7):903–921, 2004): expectation–maximisation of the hidden true mask T and each reader j's sensitivity
 * p<sub>j</sub> = P(D<sub>j</sub>=1 | T=1) and specificity q<sub>j</sub> = P(D<sub>j</sub>=0 | T=0), readers
 * assumed independent given T.
 *
 * <h2>Choices (all in {@link Options})</h2>
 * <ul>
 *   <li><b>Region</b>: the bounding box of the union of the readers' masks grown by {@code marginVoxels} (default 2)
 *       and clipped to the grid. Voxels outside it are labelled background by every reader; they are left out of
 *       the estimation and get probability 0. Consequently q<sub>j</sub> is the specificity <i>within the region</i>
 *       (counting the whole empty image would push every q<sub>j</sub> towards 1 by an amount that only reflects the
 *       field of view).</li>
 *   <li><b>Prior</b> γ = P(T=1), fixed during EM: by default the global foreground fraction of the region,
 *       Σ<sub>j</sub>|D<sub>j</sub>| / (N·|region|); or a stated constant ({@code priorForeground}).</li>
 *   <li><b>Initialisation</b>: p<sub>j</sub> = q<sub>j</sub> = 0.99 (default) for every reader.</li>
 *   <li><b>E-step</b>: W = γ·Π p<sub>j</sub><sup>D</sup>(1−p<sub>j</sub>)<sup>1−D</sup> / (that + (1−γ)·Π
 *       q<sub>j</sub><sup>1−D</sup>(1−q<sub>j</sub>)<sup>D</sup>). <b>M-step</b>: p<sub>j</sub> = ΣW·D<sub>j</sub>/ΣW,
 *       q<sub>j</sub> = Σ(1−W)(1−D<sub>j</sub>)/Σ(1−W), sums over the region. p and q are kept within
 *       [1e-12, 1−1e-12] so no product collapses to 0/0.</li>
 *   <li><b>Convergence</b>: stop after the first iteration in which no p<sub>j</sub> or q<sub>j</sub> changes by
 *       more than {@code epsilon} (default 1e-8), or after {@code maxIterations} (default 500; then
 *       {@link Result#converged()} is false).</li>
 *   <li><b>Output</b>: W as a float {@link ProbabilityMap}; the consensus mask W ≥ {@code threshold} (default 0.5).</li>
 * </ul>
 * W depends on a voxel only through its vote pattern (which readers include it), so EM runs on the counts of the
 * 2<sup>N</sup> patterns — exactly the voxel-wise EM, in O(iterations·2<sup>N</sup>·N) after one pass over the region.
 * Hence at most {@value #MAX_READERS} readers.
 */
public final class Staple {
    public static final int MAX_READERS = 20;
    private static final double CLAMP = 1e-12;

    /**
     * @param priorForeground γ in (0, 1), or NaN to use the region's foreground fraction
     */
    public record Options(double initialSensitivity, double initialSpecificity, double priorForeground,
                          double epsilon, int maxIterations, int marginVoxels, double threshold) {
        public static final Options DEFAULT = new Options(0.99, 0.99, Double.NaN, 1e-8, 500, 2, 0.5);

        public Options {
            if (!(initialSensitivity > 0 && initialSensitivity < 1) || !(initialSpecificity > 0 && initialSpecificity < 1)) {
                throw new IllegalArgumentException("initial sensitivity and specificity must be in (0, 1)");
            }
            if (!Double.isNaN(priorForeground) && !(priorForeground > 0 && priorForeground < 1)) {
                throw new IllegalArgumentException("prior foreground fraction must be in (0, 1) or NaN, got " + priorForeground);
            }
            if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be positive");
            if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
            if (marginVoxels < 0) throw new IllegalArgumentException("margin must be >= 0");
            if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]");
        }

        public Options withPrior(double gamma) {
            return new Options(initialSensitivity, initialSpecificity, gamma, epsilon, maxIterations, marginVoxels, threshold);
        }

        public Options withMargin(int margin) {
            return new Options(initialSensitivity, initialSpecificity, priorForeground, epsilon, maxIterations, margin, threshold);
        }
    }

    /**
     * @param sensitivity per reader p<sub>j</sub>; @param specificity per reader q<sub>j</sub> (within the region)
     * @param priorForeground the γ used
     */
    public record Result(ProbabilityMap probability, BitMask consensus, double[] sensitivity, double[] specificity,
                         int iterations, boolean converged, double priorForeground) {
        @Override public double[] sensitivity() { return sensitivity.clone(); }
        @Override public double[] specificity() { return specificity.clone(); }
    }

    private Staple() {}

    public static Result run(List<BitMask> readers) { return run(readers, Options.DEFAULT); }

    public static Result run(List<BitMask> readers, Options options) {
        MajorityVote.checkReaders(readers);
        if (options == null) throw new IllegalArgumentException("options are required");
        int n = readers.size();
        if (n > MAX_READERS) throw new IllegalArgumentException("STAPLE supports up to " + MAX_READERS + " readers, got " + n);
        BitMask union = new BitMask(readers.get(0).grid());
        for (BitMask r : readers) union.orInPlace(r);
        BitMask.Box bbox = union.boundingBox();
        if (bbox == null) throw new IllegalArgumentException("STAPLE needs at least one non-empty reader mask");
        BitMask.Box region = bbox.expand(options.marginVoxels(), union.grid());

        // vote-pattern histogram over the region: pattern bit j = reader j includes the voxel
        long[] count = new long[1 << n];
        long foregroundVotes = 0;
        for (int v = union.nextSetBit(0); v >= 0; v = union.nextSetBit(v + 1)) {
            int pattern = patternAt(readers, v);
            count[pattern]++;
            foregroundVotes += Integer.bitCount(pattern);
        }
        long unionSize = union.cardinality();
        count[0] = region.voxelCount() - unionSize;
        double gamma = Double.isNaN(options.priorForeground())
                ? (double) foregroundVotes / ((double) n * region.voxelCount()) : options.priorForeground();
        gamma = clamp(gamma);

        double[] p = new double[n], q = new double[n];
        Arrays.fill(p, options.initialSensitivity());
        Arrays.fill(q, options.initialSpecificity());
        double[] w = new double[1 << n];
        int iterations = 0;
        boolean converged = false;
        while (iterations < options.maxIterations() && !converged) {
            iterations++;
            eStep(count, p, q, gamma, w);
            converged = mStep(count, w, p, q) <= options.epsilon();
        }
        eStep(count, p, q, gamma, w); // W for the final parameters

        float[] values = new float[(int) region.voxelCount()];
        int nx = union.grid().nx(), ny = union.grid().ny();
        int at = 0;
        for (int k = region.kMin(); k <= region.kMax(); k++) {
            for (int j = region.jMin(); j <= region.jMax(); j++) {
                int row = nx * (j + ny * k);
                for (int i = region.iMin(); i <= region.iMax(); i++) {
                    int v = row + i;
                    values[at++] = (float) w[union.get(v) ? patternAt(readers, v) : 0];
                }
            }
        }
        ProbabilityMap map = new ProbabilityMap(union.grid(), region, values);
        return new Result(map, map.threshold(options.threshold()), p, q, iterations, converged, gamma);
    }

    private static int patternAt(List<BitMask> readers, int v) {
        int pattern = 0;
        for (int r = 0; r < readers.size(); r++) {
            if (readers.get(r).get(v)) pattern |= 1 << r;
        }
        return pattern;
    }

    private static void eStep(long[] count, double[] p, double[] q, double gamma, double[] w) {
        int n = p.length;
        for (int pattern = 0; pattern < count.length; pattern++) {
            if (count[pattern] == 0) continue;
            double a = gamma, b = 1 - gamma;
            for (int r = 0; r < n; r++) {
                boolean d = (pattern >>> r & 1) != 0;
                a *= d ? p[r] : 1 - p[r];
                b *= d ? 1 - q[r] : q[r];
            }
            w[pattern] = a / (a + b);
        }
    }

    /** Updates p and q from W; returns the largest parameter change. */
    private static double mStep(long[] count, double[] w, double[] p, double[] q) {
        int n = p.length;
        double sumW = 0, sumNotW = 0;
        double[] sumWD = new double[n], sumNotWNotD = new double[n];
        for (int pattern = 0; pattern < count.length; pattern++) {
            long c = count[pattern];
            if (c == 0) continue;
            double fg = c * w[pattern], bg = c * (1 - w[pattern]);
            sumW += fg;
            sumNotW += bg;
            for (int r = 0; r < n; r++) {
                if ((pattern >>> r & 1) != 0) sumWD[r] += fg;
                else sumNotWNotD[r] += bg;
            }
        }
        double change = 0;
        for (int r = 0; r < n; r++) {
            double np = sumW > 0 ? clamp(sumWD[r] / sumW) : p[r];
            double nq = sumNotW > 0 ? clamp(sumNotWNotD[r] / sumNotW) : q[r];
            change = Math.max(change, Math.max(Math.abs(np - p[r]), Math.abs(nq - q[r])));
            p[r] = np;
            q[r] = nq;
        }
        return change;
    }

    private static double clamp(double v) { return Math.min(1 - CLAMP, Math.max(CLAMP, v)); }
}

package io.delineo.radiomics.features.texture;

import java.util.function.ToDoubleFunction;

/**
 * The formulas shared by GLRLM, GLSZM, GLDZM and NGLDM: with {@code c_ij} the count for grey level i and size j
 * (run length, zone size, distance, dependence), {@code Ns} the total count and {@code Nv} the voxel count.
 */
enum SizeStatistic {
    SMALL_EMPHASIS(m -> sum(m, (i, j) -> 1.0 / ((double) j * j)) / m.ns),
    LARGE_EMPHASIS(m -> sum(m, (i, j) -> (double) j * j) / m.ns),
    LOW_GREY_EMPHASIS(m -> sum(m, (i, j) -> 1.0 / ((double) i * i)) / m.ns),
    HIGH_GREY_EMPHASIS(m -> sum(m, (i, j) -> (double) i * i) / m.ns),
    SMALL_LOW_GREY_EMPHASIS(m -> sum(m, (i, j) -> 1.0 / ((double) i * i * (double) j * j)) / m.ns),
    SMALL_HIGH_GREY_EMPHASIS(m -> sum(m, (i, j) -> (double) i * i / ((double) j * j)) / m.ns),
    LARGE_LOW_GREY_EMPHASIS(m -> sum(m, (i, j) -> (double) j * j / ((double) i * i)) / m.ns),
    LARGE_HIGH_GREY_EMPHASIS(m -> sum(m, (i, j) -> (double) i * i * (double) j * j) / m.ns),
    GREY_NON_UNIFORMITY(m -> sumSquares(m.rows) / m.ns),
    GREY_NON_UNIFORMITY_NORMALISED(m -> sumSquares(m.rows) / (m.ns * m.ns)),
    SIZE_NON_UNIFORMITY(m -> sumSquares(m.cols) / m.ns),
    SIZE_NON_UNIFORMITY_NORMALISED(m -> sumSquares(m.cols) / (m.ns * m.ns)),
    PERCENTAGE(m -> m.ns / m.matrix.voxels),
    GREY_VARIANCE(m -> variance(m.rows, m.ns)),
    SIZE_VARIANCE(m -> variance(m.cols, m.ns)),
    ENTROPY(m -> {
        double e = 0;
        for (double v : m.matrix.counts) if (v > 0) {
            double p = v / m.ns;
            e -= p * Math.log(p);
        }
        return e / Math.log(2);
    }),
    ENERGY(m -> {
        double e = 0;
        for (double v : m.matrix.counts) e += (v / m.ns) * (v / m.ns);
        return e;
    });

    private final ToDoubleFunction<Prepared> formula;

    SizeStatistic(ToDoubleFunction<Prepared> formula) { this.formula = formula; }

    double compute(Prepared p) { return p.ns == 0 ? Double.NaN : formula.applyAsDouble(p); }

    interface Weight { double of(int i, int j); }

    private static double sum(Prepared m, Weight w) {
        double s = 0;
        CountMatrix x = m.matrix;
        for (int k = 0; k < x.keys.length; k++) {
            s += x.counts[k] * w.of(CountMatrix.level(x.keys[k]), CountMatrix.size(x.keys[k]));
        }
        return s;
    }

    private static double sumSquares(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return s;
    }

    private static double variance(double[] marginal, double ns) {
        double mu = 0;
        for (int k = 1; k < marginal.length; k++) mu += k * marginal[k] / ns;
        double v = 0;
        for (int k = 1; k < marginal.length; k++) v += (k - mu) * (k - mu) * marginal[k] / ns;
        return v;
    }

    /** A matrix with its marginal sums. */
    static final class Prepared {
        final CountMatrix matrix;
        final double ns;
        final double[] rows, cols;

        Prepared(CountMatrix m) {
            matrix = m.freeze();
            rows = new double[m.ng + 1];
            cols = new double[m.nj + 1];
            double s = 0;
            for (int k = 0; k < m.keys.length; k++) {
                double v = m.counts[k];
                rows[CountMatrix.level(m.keys[k])] += v;
                cols[CountMatrix.size(m.keys[k])] += v;
                s += v;
            }
            ns = s;
        }
    }
}

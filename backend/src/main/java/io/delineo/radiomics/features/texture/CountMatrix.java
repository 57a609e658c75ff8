package io.delineo.radiomics.features.texture;

import java.util.Arrays;

/**
 * A grey level &times; size matrix of counts (run lengths, zone sizes, zone distances or dependence counts) with the
 * number of voxels it was built from. Stored sparsely - sorted (level, size) keys with their counts - because zone
 * sizes can reach the ROI size, where a dense matrix would be huge and almost empty. Levels 1..ng, sizes &ge; 1.
 */
public final class CountMatrix {
    final int ng;
    int nj;
    long[] keys = new long[0];
    double[] counts = new double[0];
    double voxels;
    // dense accumulation while building (small size ranges), converted by freeze()
    private double[] dense;
    private int denseWidth;
    private long[] pending;
    private int pendingCount;

    /** A matrix that accumulates densely: {@code maxSize} must bound every size added. */
    CountMatrix(int ng, int maxSize) {
        this.ng = ng;
        this.nj = Math.max(1, maxSize);
        this.denseWidth = nj + 1;
        this.dense = new double[(ng + 1) * denseWidth];
    }

    /** A matrix built from a list of (level, size) observations. */
    static CountMatrix of(int ng, int[] levels, int[] sizes, int n) {
        CountMatrix m = new CountMatrix(ng);
        long[] k = new long[n];
        for (int i = 0; i < n; i++) k[i] = key(levels[i], sizes[i]);
        m.setFromSortedKeys(k, n);
        return m;
    }

    private CountMatrix(int ng) {
        this.ng = ng;
        this.nj = 1;
    }

    static long key(int level, int size) { return ((long) level << 32) | size; }

    static int level(long key) { return (int) (key >>> 32); }

    static int size(long key) { return (int) key; }

    void add(int level, int size) { dense[level * denseWidth + size] += 1; }

    /** Ends dense accumulation. */
    CountMatrix freeze() {
        if (dense == null) return this;
        int n = 0;
        for (double v : dense) if (v != 0) n++;
        keys = new long[n];
        counts = new double[n];
        int q = 0, maxJ = 1;
        for (int i = 1; i <= ng; i++) for (int j = 1; j < denseWidth; j++) {
            double v = dense[i * denseWidth + j];
            if (v == 0) continue;
            keys[q] = key(i, j);
            counts[q++] = v;
            maxJ = Math.max(maxJ, j);
        }
        nj = maxJ;
        dense = null;
        return this;
    }

    private void setFromSortedKeys(long[] k, int n) {
        Arrays.sort(k, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || k[i] != k[i - 1]) distinct++;
        keys = new long[distinct];
        counts = new double[distinct];
        int q = -1, maxJ = 1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || k[i] != k[i - 1]) {
                keys[++q] = k[i];
                maxJ = Math.max(maxJ, size(k[i]));
            }
            counts[q] += 1;
        }
        nj = maxJ;
    }

    double get(int i, int j) {
        freeze();
        int p = Arrays.binarySearch(keys, key(i, j));
        return p < 0 ? 0 : counts[p];
    }

    double total() {
        freeze();
        double s = 0;
        for (double v : counts) s += v;
        return s;
    }

    /** Element-wise sum of matrices (and of their voxel counts): IBSI matrix merging. */
    static CountMatrix merge(Iterable<CountMatrix> ms) {
        int ng = 0, n = 0;
        for (CountMatrix m : ms) {
            m.freeze();
            ng = Math.max(ng, m.ng);
            n += m.keys.length;
        }
        long[] k = new long[n];
        double[] c = new double[n];
        int q = 0;
        double voxels = 0;
        for (CountMatrix m : ms) {
            System.arraycopy(m.keys, 0, k, q, m.keys.length);
            System.arraycopy(m.counts, 0, c, q, m.counts.length);
            q += m.keys.length;
            voxels += m.voxels;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(k[a], k[b]));
        CountMatrix out = new CountMatrix(ng);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || k[order[i]] != k[order[i - 1]]) distinct++;
        out.keys = new long[distinct];
        out.counts = new double[distinct];
        int p = -1, maxJ = 1;
        for (int i = 0; i < n; i++) {
            long key = k[order[i]];
            if (i == 0 || key != k[order[i - 1]]) {
                out.keys[++p] = key;
                maxJ = Math.max(maxJ, size(key));
            }
            out.counts[p] += c[order[i]];
        }
        out.nj = maxJ;
        out.voxels = voxels;
        return out;
    }
}

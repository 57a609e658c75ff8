package io.delineo.radiomics.features.texture;

/**
 * A grey level &times; size matrix of counts (run lengths, zone sizes, zone distances or dependence counts), with
 * the number of voxels it was built from. Rows 1..ng, columns 1..nj (index 0 unused).
 */
public final class CountMatrix {
    final int ng;
    final int nj;
    final double[] c;
    double voxels;

    CountMatrix(int ng, int nj) {
        this.ng = ng;
        this.nj = Math.max(1, nj);
        this.c = new double[(ng + 1) * (this.nj + 1)];
    }

    void add(int level, int size) { c[level * (nj + 1) + size] += 1; }

    double get(int i, int j) { return c[i * (nj + 1) + j]; }

    double total() {
        double s = 0;
        for (double v : c) s += v;
        return s;
    }

    /** Element-wise sum of matrices (and of their voxel counts): IBSI matrix merging. */
    static CountMatrix merge(Iterable<CountMatrix> ms) {
        int ng = 0, nj = 1;
        for (CountMatrix m : ms) {
            ng = Math.max(ng, m.ng);
            nj = Math.max(nj, m.nj);
        }
        CountMatrix out = new CountMatrix(ng, nj);
        for (CountMatrix m : ms) {
            for (int i = 1; i <= m.ng; i++) for (int j = 1; j <= m.nj; j++) out.c[i * (nj + 1) + j] += m.get(i, j);
            out.voxels += m.voxels;
        }
        return out;
    }
}

package io.delineo.contour.raster;

import java.util.Arrays;
import java.util.List;

/**
 * Even–odd scanline fill of polygons given in continuous voxel index space (i, j) of one slice, sampling at voxel
 * centres (integer i, j). See {@link PolygonRasterizer} for the rule. Work is proportional to the number of
 * edge–row crossings plus the filled spans, independent of the slice size.
 */
final class ScanlineFill {
    /** Receives the filled run {@code iFrom <= i < iTo} on row {@code j}. */
    interface SpanSink {
        void span(int j, int iFrom, int iTo);
    }

    private final int nx, ny;

    ScanlineFill(int nx, int ny) {
        this.nx = nx;
        this.ny = ny;
    }

    /** @param polygons each as {i0, j0, i1, j1, ...}, implicitly closed */
    void fill(List<double[]> polygons, SpanSink sink) {
        // rows j that some edge crosses, clipped to the slice
        double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (double[] p : polygons) {
            for (int v = 1; v < p.length; v += 2) {
                yLo = Math.min(yLo, p[v]);
                yHi = Math.max(yHi, p[v]);
            }
        }
        int jFirst = (int) Math.max(0, Math.ceil(yLo));
        int jLast = (int) Math.min(ny - 1, Math.ceil(yHi) - 1);
        if (jFirst > jLast) return;
        int rows = jLast - jFirst + 1;

        // pass 1: crossings per row; pass 2: their x positions, bucketed by row
        int[] start = new int[rows + 1];
        forEachCrossing(polygons, jFirst, jLast, (j, x) -> start[j - jFirst + 1]++);
        for (int r = 0; r < rows; r++) start[r + 1] += start[r];
        double[] xs = new double[start[rows]];
        int[] fillPos = Arrays.copyOf(start, rows);
        forEachCrossing(polygons, jFirst, jLast, (j, x) -> xs[fillPos[j - jFirst]++] = x);

        for (int r = 0; r < rows; r++) {
            int from = start[r], to = start[r + 1];
            if (to - from < 2) continue;
            Arrays.sort(xs, from, to);
            for (int c = from; c + 1 < to; c += 2) {
                int iFrom = (int) Math.max(0, Math.ceil(xs[c]));
                int iTo = (int) Math.min(nx, Math.ceil(xs[c + 1]));
                if (iFrom < iTo) sink.span(jFirst + r, iFrom, iTo);
            }
        }
    }

    private interface CrossingSink {
        void crossing(int j, double x);
    }

    private static void forEachCrossing(List<double[]> polygons, int jFirst, int jLast, CrossingSink sink) {
        for (double[] p : polygons) {
            int n = p.length / 2;
            for (int v = 0; v < n; v++) {
                int w = v + 1 == n ? 0 : v + 1;
                double x0 = p[2 * v], y0 = p[2 * v + 1], x1 = p[2 * w], y1 = p[2 * w + 1];
                if (y0 == y1) continue; // horizontal edges never cross a centre row under the half-open rule
                double lo = Math.min(y0, y1), hi = Math.max(y0, y1);
                int ja = (int) Math.max(jFirst, Math.ceil(lo));
                int jb = (int) Math.min(jLast, Math.ceil(hi) - 1); // rows with lo <= j < hi
                for (int j = ja; j <= jb; j++) {
                    // (j - y0) * (x1 - x0) first: exact for integer vertices, so on-edge ties are decided exactly
                    sink.crossing(j, x0 + (j - y0) * (x1 - x0) / (y1 - y0));
                }
            }
        }
    }
}

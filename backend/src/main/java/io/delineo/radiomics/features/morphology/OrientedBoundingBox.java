package io.delineo.radiomics.features.morphology;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Approximate oriented minimum bounding box of a convex hull: among boxes with one face flush with a hull face
 * (for each distinct face normal, the minimum-area rectangle of the projection found over the projected hull's
 * edge directions), plus the axis-aligned box, the one of least volume. IBSI gives no reference value for OMBB
 * features; exact O'Rourke boxes can be slightly smaller.
 */
public final class OrientedBoundingBox {
    private OrientedBoundingBox() { }

    /** {volume, surface area} of the chosen box. */
    public static double[] of(ConvexHull hull) {
        double[] v = hull.vertices();
        int n = v.length / 3;
        if (n < 4) return new double[]{Double.NaN, Double.NaN};
        double[] best = box(v, new double[]{1, 0, 0}, new double[]{0, 1, 0}, new double[]{0, 0, 1});
        Set<String> seen = new HashSet<>();
        for (double[] nrm : hull.faceNormals()) {
            String key = Math.round(nrm[0] * 1e6) + "," + Math.round(nrm[1] * 1e6) + "," + Math.round(nrm[2] * 1e6);
            if (!seen.add(key)) continue;
            double[] u = perpendicular(nrm), w = cross(nrm, u);
            double[] px = new double[n], py = new double[n];
            double hMin = Double.MAX_VALUE, hMax = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                px[i] = u[0] * v[3 * i] + u[1] * v[3 * i + 1] + u[2] * v[3 * i + 2];
                py[i] = w[0] * v[3 * i] + w[1] * v[3 * i + 1] + w[2] * v[3 * i + 2];
                double h = nrm[0] * v[3 * i] + nrm[1] * v[3 * i + 1] + nrm[2] * v[3 * i + 2];
                hMin = Math.min(hMin, h);
                hMax = Math.max(hMax, h);
            }
            double height = hMax - hMin;
            if (height * 0 != 0) continue;
            double[] rect = minRectangle(px, py);
            double vol = rect[0] * rect[1] * height;
            if (vol < best[0]) best = new double[]{vol, 2 * (rect[0] * rect[1] + rect[0] * height + rect[1] * height)};
        }
        return best;
    }

    private static double[] box(double[] v, double[] a, double[] b, double[] c) {
        double[][] ax = {a, b, c};
        double[] ext = new double[3];
        for (int k = 0; k < 3; k++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int i = 0; i < v.length / 3; i++) {
                double p = ax[k][0] * v[3 * i] + ax[k][1] * v[3 * i + 1] + ax[k][2] * v[3 * i + 2];
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            ext[k] = hi - lo;
        }
        return new double[]{ext[0] * ext[1] * ext[2], 2 * (ext[0] * ext[1] + ext[0] * ext[2] + ext[1] * ext[2])};
    }

    /** Side lengths of the minimum-area enclosing rectangle of 2-D points (one side along a hull edge). */
    static double[] minRectangle(double[] x, double[] y) {
        int[] h = hull2d(x, y);
        double bestArea = Double.MAX_VALUE;
        double[] best = {0, 0};
        for (int e = 0; e < h.length; e++) {
            int a = h[e], b = h[(e + 1) % h.length];
            double dx = x[b] - x[a], dy = y[b] - y[a], len = Math.hypot(dx, dy);
            if (len == 0) continue;
            dx /= len;
            dy /= len;
            double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            for (int i : h) {
                double uu = x[i] * dx + y[i] * dy, vv = -x[i] * dy + y[i] * dx;
                minU = Math.min(minU, uu);
                maxU = Math.max(maxU, uu);
                minV = Math.min(minV, vv);
                maxV = Math.max(maxV, vv);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea) {
                bestArea = area;
                best = new double[]{maxU - minU, maxV - minV};
            }
        }
        return best;
    }

    /** Indices of the 2-D convex hull (gift wrapping, O(n h), allocation-light), counter-clockwise. */
    static int[] hull2d(double[] x, double[] y) {
        int n = x.length, start = 0;
        for (int i = 1; i < n; i++) if (x[i] < x[start] || (x[i] == x[start] && y[i] < y[start])) start = i;
        int[] hull = new int[n + 1];
        int h = 0, p = start;
        do {
            hull[h++] = p;
            int q = p == 0 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                if (i == p) continue;
                double t = turn(x, y, p, q, i);
                // i is to the right of p->q, or collinear and farther: take it
                if (t < 0 || (t == 0 && dist2(x, y, p, i) > dist2(x, y, p, q))) q = i;
            }
            p = q;
        } while (p != start && h < n);
        return Arrays.copyOf(hull, h);
    }

    private static double dist2(double[] x, double[] y, int a, int b) {
        double dx = x[a] - x[b], dy = y[a] - y[b];
        return dx * dx + dy * dy;
    }

    private static double turn(double[] x, double[] y, int o, int a, int b) {
        return (x[a] - x[o]) * (y[b] - y[o]) - (y[a] - y[o]) * (x[b] - x[o]);
    }

    private static double[] perpendicular(double[] n) {
        double[] t = Math.abs(n[0]) < 0.9 ? new double[]{1, 0, 0} : new double[]{0, 1, 0};
        double[] u = cross(n, t);
        double len = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        return new double[]{u[0] / len, u[1] / len, u[2] / len};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}

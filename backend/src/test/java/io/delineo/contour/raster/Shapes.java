package io.delineo.contour.raster;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** Synthetic contours for tests and benchmarks, built in the grid's own slice planes. */
public final class Shapes {
    private Shapes() {}

    /**
     * A polygon approximating an ellipse on slice k, centred at continuous in-plane index (ci, cj), with semi-axes
     * {@code ru, rv} in mm along the grid's row and column directions; {@code radial(θ)} scales the radius.
     */
    public static PlanarPolygon ellipse(ImageGrid g, int k, double ci, double cj, double ru, double rv, int vertices,
                                        java.util.function.DoubleUnaryOperator radial) {
        double[] xyz = new double[3 * vertices];
        for (int n = 0; n < vertices; n++) {
            double t = 2 * Math.PI * n / vertices;
            double s = radial == null ? 1 : radial.applyAsDouble(t);
            double[] p = g.toPatient(ci + s * ru * Math.cos(t) / g.sx(), cj + s * rv * Math.sin(t) / g.sy(), k);
            System.arraycopy(p, 0, xyz, 3 * n, 3);
        }
        return new PlanarPolygon(xyz);
    }

    public static PlanarPolygon circle(ImageGrid g, int k, double ci, double cj, double r, int vertices) {
        return ellipse(g, k, ci, cj, r, r, vertices, null);
    }

    /**
     * An ellipsoid lesion as a stack of polygons: centre at continuous index (ci, cj, ck), semi-axes (a, b, c) mm along
     * the grid's row/column/slice directions. {@code perturb(θ, k)} multiplies the radius (null for none).
     */
    public static Lesion ellipsoid(ImageGrid g, double ci, double cj, double ck, double a, double b, double c,
                                   int vertices, DoubleBinaryOperator perturb) {
        List<PlanarPolygon> polygons = new ArrayList<>();
        for (int k = 0; k < g.nz(); k++) {
            double dz = (k - ck) * g.sz();
            if (Math.abs(dz) >= c) continue;
            double scale = Math.sqrt(1 - dz * dz / (c * c));
            if (scale * Math.min(a, b) < 0.3 * Math.min(g.sx(), g.sy())) continue;
            final int slice = k;
            polygons.add(ellipse(g, k, ci, cj, a * scale, b * scale, vertices,
                    perturb == null ? null : t -> perturb.applyAsDouble(t, slice)));
        }
        return new Lesion(polygons);
    }

    /**
     * Independent oracle: the classic crossing-number point-in-polygon test (W. R. Franklin's PNPOLY) on every voxel
     * centre, in the polygons' in-plane mm coordinates (u, v) along the grid's row/column directions, even–odd over
     * all polygons of a slice.
     */
    public static BitMask bruteForce(ImageGrid g, List<PlanarPolygon> polygons) {
        BitMask m = new BitMask(g);
        double[] o = g.origin(), row = g.rowDir(), col = g.colDir(), sl = g.sliceDir();
        for (PlanarPolygon p : polygons) {
            int n = p.pointCount();
            double[] u = new double[n], v = new double[n];
            double w = 0;
            for (int q = 0; q < n; q++) {
                double[] x = p.point(q);
                double dx = x[0] - o[0], dy = x[1] - o[1], dz = x[2] - o[2];
                u[q] = dx * row[0] + dy * row[1] + dz * row[2];
                v[q] = dx * col[0] + dy * col[1] + dz * col[2];
                w += (dx * sl[0] + dy * sl[1] + dz * sl[2]) / n;
            }
            int k = (int) Math.round(w / g.sz());
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = i * g.sx(), y = j * g.sy();
                    boolean inside = false;
                    for (int a = 0, b = n - 1; a < n; b = a++) {
                        if ((v[a] > y) != (v[b] > y) && x < (u[b] - u[a]) * (y - v[a]) / (v[b] - v[a]) + u[a]) {
                            inside = !inside;
                        }
                    }
                    if (inside) m.flip(g.index(i, j, k));
                }
            }
        }
        return m;
    }

    /** A grid whose axes are rotated away from the patient axes (oblique), with anisotropic spacing. */
    public static ImageGrid obliqueGrid(int nx, int ny, int nz, double sx, double sy, double sz) {
        double a = Math.toRadians(23), b = Math.toRadians(-37), c = Math.toRadians(11);
        double[][] rz = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] ry = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
        double[][] rx = {{1, 0, 0}, {0, Math.cos(c), -Math.sin(c)}, {0, Math.sin(c), Math.cos(c)}};
        double[][] r = mul(rz, mul(ry, rx));
        return new ImageGrid(nx, ny, nz, new double[]{-81.3, 27.9, -144.2},
                new double[]{r[0][0], r[1][0], r[2][0]}, new double[]{r[0][1], r[1][1], r[2][1]},
                new double[]{r[0][2], r[1][2], r[2][2]}, sx, sy, sz);
    }

    private static double[][] mul(double[][] x, double[][] y) {
        double[][] z = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) z[i][j] += x[i][k] * y[k][j];
        return z;
    }
}

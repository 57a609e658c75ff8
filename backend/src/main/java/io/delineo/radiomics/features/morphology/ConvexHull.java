package io.delineo.radiomics.features.morphology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 3-D convex hull (quickhull) of a point set, giving its volume, surface area, vertices and face normals.
 * Points closer than a small tolerance to a face plane count as inside, so lattice-like inputs with many coplanar
 * points are handled.
 */
public final class ConvexHull {
    private final double volume, area;
    private final double[] vertices; // flattened xyz of hull vertices
    private final List<double[]> faceNormals = new ArrayList<>();

    private ConvexHull(double volume, double area, double[] vertices) {
        this.volume = volume;
        this.area = area;
        this.vertices = vertices;
    }

    public double volume() { return volume; }

    public double area() { return area; }

    public double[] vertices() { return vertices.clone(); }

    public List<double[]> faceNormals() { return faceNormals; }

    public static ConvexHull of(double[] pts) {
        int n = pts.length / 3;
        if (n < 4) throw new IllegalArgumentException("a 3-D hull needs at least 4 points");
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        int[] loI = new int[3], hiI = new int[3];
        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) {
            double v = pts[3 * i + a];
            if (v < lo[a]) { lo[a] = v; loI[a] = i; }
            if (v > hi[a]) { hi[a] = v; hiI[a] = i; }
        }
        double scale = Math.max(hi[0] - lo[0], Math.max(hi[1] - lo[1], hi[2] - lo[2]));
        double eps = 1e-9 * Math.max(scale, 1e-30) * 100;
        int a0 = loI[0], a1 = hiI[0];
        double best = -1;
        for (int a = 0; a < 3; a++) {
            double d = dist2(pts, loI[a], hiI[a]);
            if (d > best) { best = d; a0 = loI[a]; a1 = hiI[a]; }
        }
        int a2 = -1;
        best = eps;
        for (int i = 0; i < n; i++) {
            double d = lineDist2(pts, a0, a1, i);
            if (d > best) { best = d; a2 = i; }
        }
        if (a2 < 0) return new ConvexHull(0, 0, new double[0]);
        double[] pn = planeNormal(pts, a0, a1, a2);
        int a3 = -1;
        best = eps;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(dot(pn, pts, i) - dot(pn, pts, a0));
            if (d > best) { best = d; a3 = i; }
        }
        if (a3 < 0) return new ConvexHull(0, 0, new double[0]);
        Builder b = new Builder(pts, eps);
        double side = dot(pn, pts, a3) - dot(pn, pts, a0);
        if (side < 0) { // a3 below plane (a0,a1,a2) oriented by pn: base face a0,a1,a2 faces away from a3
            b.addFace(a0, a1, a2);
            b.addFace(a0, a3, a1);
            b.addFace(a1, a3, a2);
            b.addFace(a2, a3, a0);
        } else {
            b.addFace(a0, a2, a1);
            b.addFace(a0, a1, a3);
            b.addFace(a1, a2, a3);
            b.addFace(a2, a0, a3);
        }
        int[] initial = {a0, a1, a2, a3};
        for (int i = 0; i < n; i++) {
            if (i == a0 || i == a1 || i == a2 || i == a3) continue;
            b.assign(i, new int[]{0, 1, 2, 3});
        }
        b.run();
        return b.result(initial);
    }

    private static double dist2(double[] p, int i, int j) {
        double dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1], dz = p[3 * i + 2] - p[3 * j + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    private static double lineDist2(double[] p, int a, int b, int i) {
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * i] - p[3 * a], vy = p[3 * i + 1] - p[3 * a + 1], vz = p[3 * i + 2] - p[3 * a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        return (cx * cx + cy * cy + cz * cz) / (ux * ux + uy * uy + uz * uz);
    }

    static double[] planeNormal(double[] p, int a, int b, int c) {
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        double len = Math.sqrt(cx * cx + cy * cy + cz * cz);
        return new double[]{cx / len, cy / len, cz / len};
    }

    private static double dot(double[] nrm, double[] p, int i) {
        return nrm[0] * p[3 * i] + nrm[1] * p[3 * i + 1] + nrm[2] * p[3 * i + 2];
    }

    private static final class Builder {
        final double[] p;
        final double eps;
        final List<int[]> faces = new ArrayList<>();
        final List<double[]> normals = new ArrayList<>();
        final List<double[]> offsets = new ArrayList<>();
        final List<int[]> outside = new ArrayList<>(); // growable int lists: [size, items...]
        final List<Boolean> alive = new ArrayList<>();
        final Map<Long, Integer> edges = new HashMap<>();

        Builder(double[] p, double eps) {
            this.p = p;
            this.eps = eps;
        }

        long key(int a, int b) { return ((long) a << 32) | (b & 0xffffffffL); }

        int addFace(int a, int b, int c) {
            int id = faces.size();
            faces.add(new int[]{a, b, c});
            double[] nrm = planeNormal(p, a, b, c);
            normals.add(nrm);
            offsets.add(new double[]{dot(nrm, p, a)});
            outside.add(new int[]{0});
            alive.add(true);
            edges.put(key(a, b), id);
            edges.put(key(b, c), id);
            edges.put(key(c, a), id);
            return id;
        }

        double distance(int f, int i) { return dot(normals.get(f), p, i) - offsets.get(f)[0]; }

        void assign(int i, int[] candidates) {
            for (int f : candidates) {
                if (distance(f, i) > eps) {
                    int[] l = outside.get(f);
                    if (l[0] + 1 >= l.length) {
                        l = Arrays.copyOf(l, Math.max(4, l.length * 2));
                        outside.set(f, l);
                    }
                    l[++l[0]] = i;
                    return;
                }
            }
        }

        void run() {
            ArrayDeque<Integer> work = new ArrayDeque<>();
            for (int f = 0; f < faces.size(); f++) work.add(f);
            while (!work.isEmpty()) {
                int f = work.poll();
                if (!alive.get(f) || outside.get(f)[0] == 0) continue;
                int[] l = outside.get(f);
                int far = -1;
                double fd = -1;
                for (int k = 1; k <= l[0]; k++) {
                    double d = distance(f, l[k]);
                    if (d > fd) { fd = d; far = l[k]; }
                }
                // visible faces: connected region around f seen from the far point
                List<Integer> visible = new ArrayList<>();
                java.util.Set<Integer> vis = new java.util.HashSet<>();
                ArrayDeque<Integer> q = new ArrayDeque<>();
                q.add(f);
                vis.add(f);
                while (!q.isEmpty()) {
                    int g = q.poll();
                    visible.add(g);
                    int[] t = faces.get(g);
                    for (int e = 0; e < 3; e++) {
                        Integer h = edges.get(key(t[(e + 1) % 3], t[e]));
                        if (h != null && alive.get(h) && !vis.contains(h) && distance(h, far) > eps) {
                            vis.add(h);
                            q.add(h);
                        }
                    }
                }
                List<int[]> horizon = new ArrayList<>();
                for (int g : visible) {
                    int[] t = faces.get(g);
                    for (int e = 0; e < 3; e++) {
                        int a = t[e], b = t[(e + 1) % 3];
                        Integer h = edges.get(key(b, a));
                        if (h == null || !vis.contains(h)) horizon.add(new int[]{a, b});
                    }
                }
                List<Integer> orphan = new ArrayList<>();
                for (int g : visible) {
                    alive.set(g, false);
                    int[] t = faces.get(g);
                    for (int e = 0; e < 3; e++) edges.remove(key(t[e], t[(e + 1) % 3]));
                    int[] ol = outside.get(g);
                    for (int k = 1; k <= ol[0]; k++) if (ol[k] != far) orphan.add(ol[k]);
                    outside.set(g, new int[]{0});
                }
                int[] created = new int[horizon.size()];
                for (int k = 0; k < horizon.size(); k++) created[k] = addFace(horizon.get(k)[0], horizon.get(k)[1], far);
                for (int i : orphan) assign(i, created);
                for (int c : created) work.add(c);
            }
        }

        ConvexHull result(int[] initial) {
            java.util.Set<Integer> vset = new java.util.TreeSet<>();
            double cx = 0, cy = 0, cz = 0;
            for (int i : initial) { cx += p[3 * i] / 4; cy += p[3 * i + 1] / 4; cz += p[3 * i + 2] / 4; }
            double vol = 0, area = 0;
            List<double[]> ns = new ArrayList<>();
            for (int f = 0; f < faces.size(); f++) {
                if (!alive.get(f)) continue;
                int[] t = faces.get(f);
                for (int v : t) vset.add(v);
                double ax = p[3 * t[0]] - cx, ay = p[3 * t[0] + 1] - cy, az = p[3 * t[0] + 2] - cz;
                double bx = p[3 * t[1]] - cx, by = p[3 * t[1] + 1] - cy, bz = p[3 * t[1] + 2] - cz;
                double qx = p[3 * t[2]] - cx, qy = p[3 * t[2] + 1] - cy, qz = p[3 * t[2] + 2] - cz;
                vol += (ax * (by * qz - bz * qy) - ay * (bx * qz - bz * qx) + az * (bx * qy - by * qx)) / 6;
                double ux = bx - ax, uy = by - ay, uz = bz - az, wx = qx - ax, wy = qy - ay, wz = qz - az;
                double kx = uy * wz - uz * wy, ky = uz * wx - ux * wz, kz = ux * wy - uy * wx;
                area += 0.5 * Math.sqrt(kx * kx + ky * ky + kz * kz);
                ns.add(normals.get(f));
            }
            double[] v = new double[3 * vset.size()];
            int k = 0;
            for (int i : vset) {
                v[k++] = p[3 * i];
                v[k++] = p[3 * i + 1];
                v[k++] = p[3 * i + 2];
            }
            ConvexHull h = new ConvexHull(Math.abs(vol), area, v);
            h.faceNormals.addAll(ns);
            return h;
        }
    }

    /**
     * Drops points that lie strictly between two others on an axis-parallel line (they cannot be hull vertices),
     * which shrinks a marching-cubes vertex set to its outer shell. The points must lie on the lattice
     * {@code (i hx, j hy, k hz)} with whole i, j, k (mesh vertices: half the voxel spacing).
     */
    public static double[] candidatePoints(double[] pts, double hx, double hy, double hz) {
        int n = pts.length / 3;
        if (n == 0) return pts.clone();
        int[][] k = new int[3][n];
        double[] h = {hx, hy, hz};
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, hi = {Integer.MIN_VALUE, Integer.MIN_VALUE,
                Integer.MIN_VALUE};
        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) {
            k[a][i] = (int) Math.round(pts[3 * i + a] / h[a]);
            lo[a] = Math.min(lo[a], k[a][i]);
            hi[a] = Math.max(hi[a], k[a][i]);
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3, w = (axis + 2) % 3;
            int cells = size[u] * size[w];
            int[] min = new int[cells], max = new int[cells];
            java.util.Arrays.fill(min, Integer.MAX_VALUE);
            java.util.Arrays.fill(max, Integer.MIN_VALUE);
            for (int i = 0; i < n; i++) {
                int c = (k[u][i] - lo[u]) + size[u] * (k[w][i] - lo[w]);
                min[c] = Math.min(min[c], k[axis][i]);
                max[c] = Math.max(max[c], k[axis][i]);
            }
            for (int i = 0; i < n; i++) {
                int c = (k[u][i] - lo[u]) + size[u] * (k[w][i] - lo[w]);
                if (k[axis][i] != min[c] && k[axis][i] != max[c]) keep[i] = false;
            }
        }
        int c = 0;
        for (boolean b : keep) if (b) c++;
        double[] out = new double[3 * c];
        int q = 0;
        for (int i = 0; i < n; i++) if (keep[i]) {
            out[q++] = pts[3 * i];
            out[q++] = pts[3 * i + 1];
            out[q++] = pts[3 * i + 2];
        }
        return out;
    }
}

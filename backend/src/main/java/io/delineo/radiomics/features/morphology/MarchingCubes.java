package io.delineo.radiomics.features.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marching cubes surface of a binary mask at iso-level 0.5 (vertices at edge midpoints between voxel centres).
 * The triangulation table is derived at class load from the cube's face contours: on each face the boundary of the
 * inside corners is drawn (an ambiguous face - two diagonal inside corners - joins the inside corners across the face, a rule
 * that depends on the face alone, so neighbouring cubes agree and the mesh is closed), the face segments are chained
 * into loops, and each loop is triangulated with the largest total area (dynamic programming over the polygon),
 * normals pointing from inside to outside. This reproduces scikit-image's Lewiner marching cubes on every
 * non-ambiguous cube configuration (checked case by case); configurations with several ambiguous faces can differ.
 */
public final class MarchingCubes {
    /** Edge e joins corners EDGE[e][0] and EDGE[e][1]; corner c sits at (c&1, c>>1&1, c>>2&1). */
    static final int[][] EDGE = new int[12][];
    /** TRIANGLES[config] = edge triples, outward-facing. */
    static final int[][] TRIANGLES = new int[256][];

    static {
        int e = 0;
        for (int bit = 1; bit <= 4; bit <<= 1) for (int a = 0; a < 8; a++) if ((a & bit) == 0) EDGE[e++] = new int[]{a, a | bit};
        for (int cfg = 0; cfg < 256; cfg++) TRIANGLES[cfg] = triangulate(cfg);
        // orient: with only corner 0 inside the normal must point away from corner 0, i.e. along (1,1,1)
        int[] t = TRIANGLES[1];
        double[] n = normal(mid(t[0]), mid(t[1]), mid(t[2]));
        if (n[0] + n[1] + n[2] < 0) {
            for (int[] tri : TRIANGLES) for (int k = 0; k < tri.length; k += 3) {
                int tmp = tri[k + 1];
                tri[k + 1] = tri[k + 2];
                tri[k + 2] = tmp;
            }
        }
    }

    private MarchingCubes() { }

    /** Triangulation of a loop with least (or greatest) total area, by dynamic programming over sub-polygons. */
    private static void optimal(List<Integer> loop, boolean maximise, List<Integer> tris) {
        int n = loop.size();
        double[][] cost = new double[n][n];
        int[][] split = new int[n][n];
        for (int len = 2; len < n; len++) {
            for (int i = 0; i + len < n; i++) {
                int j = i + len;
                cost[i][j] = maximise ? -1 : Double.MAX_VALUE;
                for (int k = i + 1; k < j; k++) {
                    double[] a = mid(loop.get(i)), b = mid(loop.get(k)), c = mid(loop.get(j));
                    double[] nn = normal(a, b, c);
                    double c2 = cost[i][k] + cost[k][j] + 0.5 * Math.sqrt(nn[0] * nn[0] + nn[1] * nn[1] + nn[2] * nn[2]);
                    if (maximise ? c2 > cost[i][j] : c2 < cost[i][j]) {
                        cost[i][j] = c2;
                        split[i][j] = k;
                    }
                }
            }
        }
        emit(loop, split, 0, n - 1, tris);
    }

    private static void emit(List<Integer> loop, int[][] split, int i, int j, List<Integer> tris) {
        if (j - i < 2) return;
        int k = split[i][j];
        tris.add(loop.get(i));
        tris.add(loop.get(k));
        tris.add(loop.get(j));
        emit(loop, split, i, k, tris);
        emit(loop, split, k, j, tris);
    }

    private static double[] corner(int c) { return new double[]{c & 1, c >> 1 & 1, c >> 2 & 1}; }

    private static double[] mid(int edge) {
        double[] a = corner(EDGE[edge][0]), b = corner(EDGE[edge][1]);
        return new double[]{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    private static int edgeOf(int a, int b) {
        for (int e = 0; e < 12; e++) {
            if ((EDGE[e][0] == a && EDGE[e][1] == b) || (EDGE[e][0] == b && EDGE[e][1] == a)) return e;
        }
        throw new IllegalStateException("no edge " + a + "-" + b);
    }

    private static double[] normal(double[] a, double[] b, double[] c) {
        double[] u = {b[0] - a[0], b[1] - a[1], b[2] - a[2]}, v = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
        return new double[]{u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static int[] triangulate(int cfg) {
        int[] next = new int[12];
        Arrays.fill(next, -1);
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3, v = (axis + 2) % 3;
            for (int side = 0; side <= 1; side++) {
                int[] q = new int[4];
                int[][] uv = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
                for (int k = 0; k < 4; k++) q[k] = (side << axis) | (uv[k][0] << u) | (uv[k][1] << v);
                double[] n = new double[3];
                n[axis] = side == 0 ? -1 : 1;
                boolean[] in = new boolean[4];
                int count = 0;
                for (int k = 0; k < 4; k++) {
                    in[k] = (cfg >> q[k] & 1) == 1;
                    if (in[k]) count++;
                }
                if (count == 0 || count == 4) continue;
                List<int[]> segments = new ArrayList<>(); // {edgeA, edgeB, insideCorner...}
                if (count == 2 && in[0] == in[2]) {
                    // ambiguous face: the two inside corners are joined across the face (the outside corners are
                    // cut off); each segment is oriented with its outside corner on the right
                    for (int k = 0; k < 4; k++) {
                        if (!in[k]) {
                            segments.add(new int[]{edgeOf(q[(k + 3) % 4], q[k]), edgeOf(q[k], q[(k + 1) % 4]),
                                    q[(k + 1) % 4], q[(k + 3) % 4]});
                        }
                    }
                } else {
                    int[] crossing = new int[2];
                    int c = 0;
                    for (int k = 0; k < 4; k++) if (in[k] != in[(k + 1) % 4]) crossing[c++] = edgeOf(q[k], q[(k + 1) % 4]);
                    int[] seg = new int[2 + count];
                    seg[0] = crossing[0];
                    seg[1] = crossing[1];
                    int s = 2;
                    for (int k = 0; k < 4; k++) if (in[k]) seg[s++] = q[k];
                    segments.add(seg);
                }
                for (int[] seg : segments) {
                    double[] p = mid(seg[0]), r = mid(seg[1]);
                    double[] centre = new double[3];
                    for (int s = 2; s < seg.length; s++) {
                        double[] cc = corner(seg[s]);
                        for (int a = 0; a < 3; a++) centre[a] += cc[a] / (seg.length - 2);
                    }
                    double[] t = {r[0] - p[0], r[1] - p[1], r[2] - p[2]};
                    double[] left = {n[1] * t[2] - n[2] * t[1], n[2] * t[0] - n[0] * t[2], n[0] * t[1] - n[1] * t[0]};
                    double side2 = 0;
                    for (int a = 0; a < 3; a++) side2 += left[a] * (centre[a] - (p[a] + r[a]) / 2);
                    if (side2 > 0) next[seg[0]] = seg[1];
                    else next[seg[1]] = seg[0];
                }
            }
        }
        List<Integer> tris = new ArrayList<>();
        boolean[] used = new boolean[12];
        for (int start = 0; start < 12; start++) {
            if (next[start] < 0 || used[start]) continue;
            List<Integer> loop = new ArrayList<>();
            int cur = start;
            while (!used[cur]) {
                used[cur] = true;
                loop.add(cur);
                cur = next[cur];
                if (cur < 0) throw new IllegalStateException("open contour in marching cubes case " + cfg);
            }
            optimal(loop, true, tris);
        }
        return tris.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {area, signed volume contribution} of triangle (a, b, c) given as vertex indices into v. */
    private static double[] triangle(double[] v, int a, int b, int c) {
        double ax = v[3 * a], ay = v[3 * a + 1], az = v[3 * a + 2];
        double bx = v[3 * b], by = v[3 * b + 1], bz = v[3 * b + 2];
        double qx = v[3 * c], qy = v[3 * c + 1], qz = v[3 * c + 2];
        double ux = bx - ax, uy = by - ay, uz = bz - az, wx = qx - ax, wy = qy - ay, wz = qz - az;
        double kx = uy * wz - uz * wy, ky = uz * wx - ux * wz, kz = ux * wy - uy * wx;
        return new double[]{0.5 * Math.sqrt(kx * kx + ky * ky + kz * kz),
                (ax * (by * qz - bz * qy) - ay * (bx * qz - bz * qx) + az * (bx * qy - by * qx)) / 6};
    }

    /** A closed triangle mesh: unique vertices (x,y,z flattened, mm) and its volume and area. */
    public record Mesh(double[] vertices, double volume, double area) {
        public int vertexCount() { return vertices.length / 3; }
    }

    /**
     * Surface of {@code mask} (index x + nx*(y + ny*z)), which must be false on the outermost layer of the box.
     * Coordinates are voxel-centre positions times spacing.
     */
    public static Mesh extract(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        int n = nx * ny * nz;
        int[] vertexId = new int[n * 3];
        Arrays.fill(vertexId, -1);
        double[] verts = new double[3 * 1024];
        int nv = 0;
        double vol = 0, area = 0;
        int[] cornerOffset = new int[8];
        for (int c = 0; c < 8; c++) cornerOffset[c] = (c & 1) + nx * ((c >> 1 & 1) + ny * (c >> 2 & 1));
        int[] edgeBase = new int[12], edgeAxis = new int[12];
        for (int e = 0; e < 12; e++) {
            int a = EDGE[e][0], b = EDGE[e][1];
            edgeBase[e] = cornerOffset[a];
            int diff = a ^ b;
            edgeAxis[e] = diff == 1 ? 0 : (diff == 2 ? 1 : 2);
        }
        int[] local = new int[12];
        for (int z = 0; z < nz - 1; z++) for (int y = 0; y < ny - 1; y++) for (int x = 0; x < nx - 1; x++) {
            int base = x + nx * (y + ny * z);
            int cfg = 0;
            for (int c = 0; c < 8; c++) if (mask[base + cornerOffset[c]]) cfg |= 1 << c;
            if (cfg == 0 || cfg == 255) continue;
            int[] t = TRIANGLES[cfg];
            Arrays.fill(local, -1);
            for (int k = 0; k < t.length; k++) {
                int e = t[k];
                if (local[e] < 0) {
                    int key = (base + edgeBase[e]) * 3 + edgeAxis[e];
                    int id = vertexId[key];
                    if (id < 0) {
                        if (3 * nv + 3 > verts.length) verts = Arrays.copyOf(verts, verts.length * 2);
                        int a = EDGE[e][0];
                        double vx = x + (a & 1) + (edgeAxis[e] == 0 ? 0.5 : 0);
                        double vy = y + (a >> 1 & 1) + (edgeAxis[e] == 1 ? 0.5 : 0);
                        double vz = z + (a >> 2 & 1) + (edgeAxis[e] == 2 ? 0.5 : 0);
                        verts[3 * nv] = vx * sx;
                        verts[3 * nv + 1] = vy * sy;
                        verts[3 * nv + 2] = vz * sz;
                        id = nv++;
                        vertexId[key] = id;
                    }
                    local[e] = id;
                }
            }
            for (int k = 0; k < t.length; k += 3) {
                double[] tr = triangle(verts, local[t[k]], local[t[k + 1]], local[t[k + 2]]);
                area += tr[0];
                vol += tr[1];
            }
        }
        return new Mesh(Arrays.copyOf(verts, 3 * nv), Math.abs(vol), area);
    }
}

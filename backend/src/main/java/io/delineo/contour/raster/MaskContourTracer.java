package io.delineo.contour.raster;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a voxel mask into planar contours along pixel edges, slice by slice: every edge between a set and an unset
 * pixel is a boundary edge, and the edges are linked into closed loops (outer boundaries and holes alike). Because
 * even–odd filling counts edge crossings, filling these loops by the voxel-centre rule of {@link PolygonRasterizer}
 * gives back exactly the same voxels. Collinear runs are merged, so a loop has a vertex only where it turns.
 */
public final class MaskContourTracer {

    /** One traced loop on slice {@code k}, as patient-coordinate points. */
    public record SliceContour(int k, PlanarPolygon polygon) {
    }

    private MaskContourTracer() {
    }

    public static List<SliceContour> trace(BitMask mask) {
        ImageGrid g = mask.grid();
        List<SliceContour> out = new ArrayList<>();
        long[] counts = mask.sliceCounts();
        for (int k = 0; k < g.nz(); k++) {
            if (counts[k] == 0) continue;
            for (List<int[]> loop : loops(mask, k)) {
                double[] xyz = new double[loop.size() * 3];
                for (int n = 0; n < loop.size(); n++) {
                    // corner (ci, cj) of the pixel lattice lies half a voxel before pixel centre (ci, cj)
                    double[] p = g.toPatient(loop.get(n)[0] - 0.5, loop.get(n)[1] - 0.5, k);
                    System.arraycopy(p, 0, xyz, n * 3, 3);
                }
                out.add(new SliceContour(k, new PlanarPolygon(xyz)));
            }
        }
        return out;
    }

    /** Closed loops of lattice corners (ci, cj) around the set pixels of slice k. */
    static List<List<int[]>> loops(BitMask mask, int k) {
        ImageGrid g = mask.grid();
        int nx = g.nx(), ny = g.ny();
        // directed edges keyed by start corner; each corner has as many edges in as out
        Map<Long, List<int[]>> outgoing = new HashMap<>();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (!mask.get(g.index(i, j, k))) continue;
                if (j == 0 || !mask.get(g.index(i, j - 1, k))) edge(outgoing, i, j, i + 1, j);
                if (i == nx - 1 || !mask.get(g.index(i + 1, j, k))) edge(outgoing, i + 1, j, i + 1, j + 1);
                if (j == ny - 1 || !mask.get(g.index(i, j + 1, k))) edge(outgoing, i + 1, j + 1, i, j + 1);
                if (i == 0 || !mask.get(g.index(i - 1, j, k))) edge(outgoing, i, j + 1, i, j);
            }
        }
        List<List<int[]>> loops = new ArrayList<>();
        while (!outgoing.isEmpty()) {
            long startKey = outgoing.keySet().iterator().next();
            List<int[]> corners = new ArrayList<>();
            long key = startKey;
            do {
                List<int[]> edges = outgoing.get(key);
                int[] e = edges.remove(edges.size() - 1);
                if (edges.isEmpty()) outgoing.remove(key);
                corners.add(new int[]{e[0], e[1]});
                key = key(e[2], e[3]);
            } while (key != startKey);
            loops.add(withoutCollinear(corners));
        }
        return loops;
    }

    private static void edge(Map<Long, List<int[]>> outgoing, int x0, int y0, int x1, int y1) {
        outgoing.computeIfAbsent(key(x0, y0), x -> new ArrayList<>(2)).add(new int[]{x0, y0, x1, y1});
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    private static List<int[]> withoutCollinear(List<int[]> corners) {
        List<int[]> out = new ArrayList<>();
        int n = corners.size();
        for (int a = 0; a < n; a++) {
            int[] prev = corners.get((a + n - 1) % n), cur = corners.get(a), next = corners.get((a + 1) % n);
            int dx1 = cur[0] - prev[0], dy1 = cur[1] - prev[1], dx2 = next[0] - cur[0], dy2 = next[1] - cur[1];
            if (dx1 * dy2 - dy1 * dx2 != 0) out.add(cur);
        }
        return out;
    }
}

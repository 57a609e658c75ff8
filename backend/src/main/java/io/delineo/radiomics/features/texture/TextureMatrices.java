package io.delineo.radiomics.features.texture;

/**
 * Builds the texture matrices of a {@link TextureVolume} (padded, so neighbour offsets never leave the array).
 * Slice ranges are in padded z coordinates; a 2-D matrix is built from one slice with in-plane neighbours only.
 */
final class TextureMatrices {
    private TextureMatrices() { }

    /** Symmetric co-occurrence counts, (ng+1)^2 row-major, for neighbours at offset d within slices z0..z1. */
    static double[] glcm(TextureVolume v, int[] d, int z0, int z1) {
        return glcms(v, new int[][]{d}, z0, z1)[0];
    }

    /** Co-occurrence counts for several directions in one pass over slices z0..z1 (same layout as {@link #glcm}). */
    static double[][] glcms(TextureVolume v, int[][] dirs, int z0, int z1) {
        int w = v.ng + 1, nd = dirs.length;
        double[][] m = new double[nd][w * w];
        int[] off = new int[nd];
        for (int d = 0; d < nd; d++) off[d] = dirs[d][0] + v.nx * (dirs[d][1] + v.ny * dirs[d][2]);
        int[] lv = v.level;
        for (int z = z0; z <= z1; z++) for (int y = 1; y < v.ny - 1; y++) {
            int base = v.nx * (y + v.ny * z);
            for (int x = 1; x < v.nx - 1; x++) {
                int a = lv[base + x];
                if (a == 0) continue;
                int aw = a * w;
                for (int d = 0; d < nd; d++) {
                    int b = lv[base + x + off[d]];
                    if (b == 0) continue;
                    double[] md = m[d];
                    md[aw + b] += 1;
                    md[b * w + a] += 1;
                }
            }
        }
        return m;
    }

    /** Run lengths along d within slices z0..z1; voxels = intensity-mask voxels in those slices. */
    static CountMatrix glrlm(TextureVolume v, int[] d, int z0, int z1) {
        int maxRun = Math.max(v.nx, Math.max(v.ny, v.nz));
        CountMatrix m = new CountMatrix(v.ng, maxRun);
        int off = d[0] + v.nx * (d[1] + v.ny * d[2]);
        int[] lv = v.level;
        int voxels = 0;
        for (int z = z0; z <= z1; z++) for (int y = 1; y < v.ny - 1; y++) {
            int base = v.nx * (y + v.ny * z);
            for (int x = 1; x < v.nx - 1; x++) {
                int i = base + x, a = lv[i];
                if (a == 0) continue;
                voxels++;
                if (lv[i - off] == a) continue; // not the start of a run
                int len = 1, j = i + off;
                while (lv[j] == a) {
                    len++;
                    j += off;
                }
                m.add(a, len);
            }
        }
        m.voxels = voxels;
        return m.freeze();
    }

    /**
     * Zones of equal grey level (26-connected, or 8-connected in-plane when {@code planar}) within slices z0..z1.
     * Returns {size matrix, distance matrix}; distances come from {@code distance} (may be null: no GLDZM).
     */
    static CountMatrix[] zones(TextureVolume v, int z0, int z1, boolean planar, int[] distance) {
        int[] lv = v.level;
        int[] offsets = neighbourOffsets(v, planar);
        boolean[] seen = new boolean[lv.length];
        int[] queue = new int[lv.length];
        int zones = 0, voxels = 0;
        int[] zLevel = new int[64], zSize = new int[64], zDist = new int[64];
        for (int z = z0; z <= z1; z++) for (int y = 1; y < v.ny - 1; y++) for (int x = 1; x < v.nx - 1; x++) {
            int s = v.index(x, y, z);
            int a = lv[s];
            if (a == 0 || seen[s]) continue;
            int head = 0, tail = 0, dmin = Integer.MAX_VALUE;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail) {
                int c = queue[head++];
                if (distance != null) dmin = Math.min(dmin, distance[c]);
                for (int o : offsets) {
                    int nb = c + o;
                    if (!seen[nb] && lv[nb] == a) {
                        seen[nb] = true;
                        queue[tail++] = nb;
                    }
                }
            }
            voxels += tail;
            if (zones == zLevel.length) {
                zLevel = java.util.Arrays.copyOf(zLevel, 2 * zones);
                zSize = java.util.Arrays.copyOf(zSize, 2 * zones);
                zDist = java.util.Arrays.copyOf(zDist, 2 * zones);
            }
            zLevel[zones] = a;
            zSize[zones] = tail;
            zDist[zones++] = dmin;
        }
        CountMatrix sizes = CountMatrix.of(v.ng, zLevel, zSize, zones);
        CountMatrix dists = distance == null ? null : CountMatrix.of(v.ng, zLevel, zDist, zones);
        sizes.voxels = voxels;
        if (dists != null) dists.voxels = voxels;
        return new CountMatrix[]{sizes, dists};
    }

    /**
     * City-block distance of morphological-mask voxels to the nearest voxel outside it (edge voxels: 1), with
     * 6-connectivity, or 4-connectivity within each slice when {@code planar}.
     */
    static int[] distanceMap(TextureVolume v, boolean planar) {
        int n = v.level.length;
        int[] dist = new int[n];
        int[] queue = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++) {
            if (v.morph[i]) {
                dist[i] = Integer.MAX_VALUE;
            } else {
                dist[i] = 0;
                queue[tail++] = i;
            }
        }
        int sx = 1, sy = v.nx, sz = v.nx * v.ny;
        int[] offs = planar ? new int[]{sx, -sx, sy, -sy} : new int[]{sx, -sx, sy, -sy, sz, -sz};
        while (head < tail) {
            int c = queue[head++];
            int x = c % v.nx, y = (c / v.nx) % v.ny, z = c / sz;
            for (int o : offs) {
                int nb = c + o;
                if (nb < 0 || nb >= n) continue;
                int nx2 = nb % v.nx, ny2 = (nb / v.nx) % v.ny, nz2 = nb / sz;
                if (Math.abs(nx2 - x) + Math.abs(ny2 - y) + Math.abs(nz2 - z) != 1) continue; // wrapped around
                if (dist[nb] > dist[c] + 1) {
                    dist[nb] = dist[c] + 1;
                    queue[tail++] = nb;
                }
            }
        }
        return dist;
    }

    /** NGTDM of slices z0..z1 (26 neighbours, or 8 in-plane). */
    static NgtdmFeature.Ngtdm ngtdm(TextureVolume v, int z0, int z1, boolean planar) {
        NgtdmFeature.Ngtdm t = new NgtdmFeature.Ngtdm(v.ng);
        int[] offsets = neighbourOffsets(v, planar);
        int[] lv = v.level;
        for (int z = z0; z <= z1; z++) for (int y = 1; y < v.ny - 1; y++) for (int x = 1; x < v.nx - 1; x++) {
            int c = v.index(x, y, z), a = lv[c];
            if (a == 0) continue;
            int sum = 0, cnt = 0;
            for (int o : offsets) {
                int b = lv[c + o];
                if (b > 0) {
                    sum += b;
                    cnt++;
                }
            }
            if (cnt == 0) continue;
            t.n[a] += 1;
            t.s[a] += Math.abs(a - sum / (double) cnt);
        }
        return t.finish();
    }

    /** NGLDM (alpha 0, Chebyshev 1) of slices z0..z1; dependence counts include the centre voxel. */
    static CountMatrix ngldm(TextureVolume v, int z0, int z1, boolean planar) {
        int[] offsets = neighbourOffsets(v, planar);
        CountMatrix m = new CountMatrix(v.ng, offsets.length + 1);
        int[] lv = v.level;
        int voxels = 0;
        for (int z = z0; z <= z1; z++) for (int y = 1; y < v.ny - 1; y++) for (int x = 1; x < v.nx - 1; x++) {
            int c = v.index(x, y, z), a = lv[c];
            if (a == 0) continue;
            int dep = 1;
            for (int o : offsets) if (lv[c + o] == a) dep++;
            m.add(a, dep);
            voxels++;
        }
        m.voxels = voxels;
        return m.freeze();
    }

    static int[] neighbourOffsets(TextureVolume v, boolean planar) {
        int[] out = new int[planar ? 8 : 26];
        int k = 0;
        for (int dz = planar ? 0 : -1; dz <= (planar ? 0 : 1); dz++) {
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                if (dx == 0 && dy == 0 && dz == 0) continue;
                out[k++] = dx + v.nx * (dy + v.ny * dz);
            }
        }
        return out;
    }
}

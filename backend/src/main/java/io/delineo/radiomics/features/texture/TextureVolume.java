package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.processing.PreparedRoi;

/**
 * Grey levels (1..ng, 0 = not in the intensity mask) cropped to the bounding box of the morphological mask with one
 * voxel of padding on every side, so neighbour look-ups never leave the array. Also holds the cropped
 * morphological mask (for GLDZM distances) and the spacing.
 */
public final class TextureVolume {
    final int nx, ny, nz;
    final int[] level;
    final boolean[] morph;
    final int ng;
    final int voxelCount;

    public TextureVolume(PreparedRoi roi, int[] levels, int ng) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, z0 = Integer.MAX_VALUE, x1 = -1, y1 = -1, z1 = -1;
        for (int z = 0; z < roi.nz; z++) for (int y = 0; y < roi.ny; y++) for (int x = 0; x < roi.nx; x++) {
            int i = roi.index(x, y, z);
            if (roi.morphMask[i] || levels[i] > 0) {
                x0 = Math.min(x0, x); y0 = Math.min(y0, y); z0 = Math.min(z0, z);
                x1 = Math.max(x1, x); y1 = Math.max(y1, y); z1 = Math.max(z1, z);
            }
        }
        if (x1 < 0) throw new IllegalArgumentException("empty ROI");
        nx = x1 - x0 + 3;
        ny = y1 - y0 + 3;
        nz = z1 - z0 + 3;
        level = new int[nx * ny * nz];
        morph = new boolean[nx * ny * nz];
        int count = 0;
        for (int z = z0; z <= z1; z++) for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) {
            int src = roi.index(x, y, z), dst = (x - x0 + 1) + nx * ((y - y0 + 1) + ny * (z - z0 + 1));
            level[dst] = roi.intensityMask[src] ? levels[src] : 0;
            morph[dst] = roi.morphMask[src];
            if (level[dst] > 0) count++;
        }
        this.ng = ng;
        this.voxelCount = count;
    }

    int index(int x, int y, int z) { return x + nx * (y + ny * z); }

    /** Voxels in the intensity mask on slice z (padded coordinates). */
    int sliceCount(int z) {
        int c = 0, base = nx * ny * z;
        for (int i = 0; i < nx * ny; i++) if (level[base + i] > 0) c++;
        return c;
    }

    /** The 13 unique 3-D neighbour directions (Chebyshev distance 1). */
    static final int[][] DIRECTIONS_3D = {
            {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {1, -1, 0}, {1, 0, 1}, {1, 0, -1}, {0, 1, 1}, {0, 1, -1},
            {1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}};

    /** The 4 unique in-plane directions. */
    static final int[][] DIRECTIONS_2D = {{1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {-1, 1, 0}};
}

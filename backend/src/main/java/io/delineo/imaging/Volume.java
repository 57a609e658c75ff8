package io.delineo.imaging;

/**
 * Real-valued voxels (e.g. Hounsfield units after rescale) on an {@link ImageGrid}. Voxel (i,j,k) is at
 * {@code data[grid.index(i,j,k)]}. The array is owned by the volume; kernels treat it as read-only.
 */
public final class Volume {
    private final ImageGrid grid;
    private final float[] data;

    public Volume(ImageGrid grid, float[] data) {
        if (grid == null || data == null) throw new IllegalArgumentException("grid and data are required");
        if (data.length != grid.size()) {
            throw new IllegalArgumentException("data has " + data.length + " voxels, grid needs " + grid.size());
        }
        this.grid = grid;
        this.data = data;
    }

    public ImageGrid grid() { return grid; }

    public float[] data() { return data; }

    public float get(int i, int j, int k) { return data[grid.index(i, j, k)]; }
}

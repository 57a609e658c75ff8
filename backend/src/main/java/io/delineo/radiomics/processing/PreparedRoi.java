package io.delineo.radiomics.processing;

/**
 * The processed image around an ROI: a box of the (resampled) grid holding the image, the morphological mask
 * (interpolated ROI) and the intensity mask (after re-segmentation). Index {@code x + nx*(y + ny*z)}; spacing in mm.
 * {@code fullDims} is the size of the whole resampled grid, {@code offset} the box position in it.
 */
public final class PreparedRoi {
    public final int nx, ny, nz;
    public final double sx, sy, sz;
    public final float[] image;
    public final boolean[] morphMask;
    public final boolean[] intensityMask;
    public final int[] fullDims;
    public final int[] offset;

    public PreparedRoi(int nx, int ny, int nz, double sx, double sy, double sz, float[] image, boolean[] morphMask,
                       boolean[] intensityMask, int[] fullDims, int[] offset) {
        int n = nx * ny * nz;
        if (image.length != n || morphMask.length != n || intensityMask.length != n) {
            throw new IllegalArgumentException("image and masks must have " + n + " voxels");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
        this.image = image;
        this.morphMask = morphMask;
        this.intensityMask = intensityMask;
        this.fullDims = fullDims.clone();
        this.offset = offset.clone();
    }

    public int size() { return nx * ny * nz; }

    public int index(int x, int y, int z) { return x + nx * (y + ny * z); }

    /** Same geometry and masks with another image (e.g. a filter response). */
    public PreparedRoi withImage(float[] other) {
        return new PreparedRoi(nx, ny, nz, sx, sy, sz, other, morphMask, intensityMask, fullDims, offset);
    }

    public int intensityCount() {
        int c = 0;
        for (boolean b : intensityMask) if (b) c++;
        return c;
    }

    public int morphCount() {
        int c = 0;
        for (boolean b : morphMask) if (b) c++;
        return c;
    }
}

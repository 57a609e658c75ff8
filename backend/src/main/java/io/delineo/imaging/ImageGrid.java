package io.delineo.imaging;

import java.util.Arrays;

/**
 * A regular 3-D voxel grid placed in the DICOM patient coordinate system (LPS, millimetres).
 *
 * <p>Index convention: {@code i} runs along a row (increasing column number, DICOM "row direction"), {@code j} runs
 * down the columns (increasing row number), {@code k} runs along the slice normal. The linear index is
 * {@code i + nx * (j + ny * k)}. {@code origin} is the centre of voxel (0,0,0), as Image Position (Patient) is.
 *
 * <p>The three directions must be orthonormal: a gantry-tilted (sheared) stack is rejected upstream, because every
 * kernel that rasterises or resamples assumes it.
 */
public final class ImageGrid {
    private static final double ORTHO_TOLERANCE = 1e-4;

    private final int nx, ny, nz;
    private final double[] origin;
    private final double[] rowDir, colDir, sliceDir;
    private final double sx, sy, sz;

    public ImageGrid(int nx, int ny, int nz, double[] origin, double[] rowDir, double[] colDir, double[] sliceDir,
                     double sx, double sy, double sz) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("grid dimensions must be positive, got " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large: " + nx + "x" + ny + "x" + nz);
        }
        if (!(sx > 0 && sy > 0 && sz > 0) || !Double.isFinite(sx + sy + sz)) {
            throw new IllegalArgumentException("voxel spacing must be positive and finite, got " + sx + ", " + sy + ", " + sz);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.origin = check3("origin", origin).clone();
        this.rowDir = unit("row direction", rowDir);
        this.colDir = unit("column direction", colDir);
        this.sliceDir = unit("slice direction", sliceDir);
        if (Math.abs(dot(this.rowDir, this.colDir)) > ORTHO_TOLERANCE
                || Math.abs(dot(this.rowDir, this.sliceDir)) > ORTHO_TOLERANCE
                || Math.abs(dot(this.colDir, this.sliceDir)) > ORTHO_TOLERANCE) {
            throw new IllegalArgumentException("grid directions are not orthogonal (sheared or tilted stack)");
        }
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
    }

    /** An axis-aligned grid (identity orientation), convenient for synthetic data and tests. */
    public static ImageGrid axial(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new ImageGrid(nx, ny, nz, new double[]{0, 0, 0}, new double[]{1, 0, 0}, new double[]{0, 1, 0},
                new double[]{0, 0, 1}, sx, sy, sz);
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    public double sx() { return sx; }
    public double sy() { return sy; }
    public double sz() { return sz; }
    public double[] origin() { return origin.clone(); }
    public double[] rowDir() { return rowDir.clone(); }
    public double[] colDir() { return colDir.clone(); }
    public double[] sliceDir() { return sliceDir.clone(); }

    public int size() { return nx * ny * nz; }

    public int sliceSize() { return nx * ny; }

    public int index(int i, int j, int k) { return i + nx * (j + ny * k); }

    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;
    }

    public double voxelVolumeMm3() { return sx * sy * sz; }

    /** Patient coordinates (mm) of the centre of voxel (i, j, k); fractional indices allowed. */
    public double[] toPatient(double i, double j, double k) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = origin[a] + i * sx * rowDir[a] + j * sy * colDir[a] + k * sz * sliceDir[a];
        }
        return p;
    }

    /** Continuous voxel index (i, j, k) of a patient point (mm); the inverse of {@link #toPatient}. */
    public double[] toIndex(double x, double y, double z) {
        double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
        return new double[]{
                (dx * rowDir[0] + dy * rowDir[1] + dz * rowDir[2]) / sx,
                (dx * colDir[0] + dy * colDir[1] + dz * colDir[2]) / sy,
                (dx * sliceDir[0] + dy * sliceDir[1] + dz * sliceDir[2]) / sz};
    }

    /** The 4x4 voxel-index → patient (LPS mm) affine, row-major. */
    public double[] affine() {
        return new double[]{
                rowDir[0] * sx, colDir[0] * sy, sliceDir[0] * sz, origin[0],
                rowDir[1] * sx, colDir[1] * sy, sliceDir[1] * sz, origin[1],
                rowDir[2] * sx, colDir[2] * sy, sliceDir[2] * sz, origin[2],
                0, 0, 0, 1};
    }

    /** True when both grids index the same voxels in space, within {@code tolMm}. */
    public boolean sameGeometry(ImageGrid o, double tolMm) {
        if (nx != o.nx || ny != o.ny || nz != o.nz) return false;
        double[] a = affine(), b = o.affine();
        for (int n = 0; n < 12; n++) {
            if (Math.abs(a[n] - b[n]) > tolMm) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageGrid g && sameGeometry(g, 0);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(affine()) + nx * 7 + ny * 13 + nz * 17;
    }

    @Override
    public String toString() {
        return "ImageGrid[" + nx + "x" + ny + "x" + nz + ", spacing " + sx + "/" + sy + "/" + sz + " mm, origin "
                + Arrays.toString(origin) + "]";
    }

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static double[] check3(String what, double[] v) {
        if (v == null || v.length != 3 || !Double.isFinite(v[0] + v[1] + v[2])) {
            throw new IllegalArgumentException(what + " must have three finite components");
        }
        return v;
    }

    private static double[] unit(String what, double[] v) {
        check3(what, v);
        double n = Math.sqrt(dot(v, v));
        if (Math.abs(n - 1) > 1e-3) {
            throw new IllegalArgumentException(what + " must be a unit vector, has length " + n);
        }
        return new double[]{v[0] / n, v[1] / n, v[2] / n};
    }
}

package io.delineo.interop.nifti;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads single-file NIfTI-1 images ({@code .nii}, optionally gzip-compressed). Geometry: the sform when its code is
 * set, else the qform, else pixdim scaling (NIfTI "method 1"). NIfTI world space is RAS; it is converted to DICOM LPS
 * (x and y negated) for the {@link ImageGrid}. Only 3-D (or 2-D) scalar images are accepted.
 */
public final class NiftiReader {
    private static final int HEADER_SIZE = 348;
    private static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    private NiftiReader() { }

    public static NiftiImage read(Path path) throws IOException {
        if (path == null) throw new IllegalArgumentException("path is required");
        if (!Files.isRegularFile(path)) throw new NiftiFormatException("no such NIfTI file: " + path);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(raw, path.toString());
        }
    }

    /** Reads from a stream (gzip detected by its magic bytes); {@code name} is used in messages only. */
    public static NiftiImage read(InputStream in, String name) throws IOException {
        InputStream s = in.markSupported() ? in : new BufferedInputStream(in);
        s.mark(2);
        int b0 = s.read(), b1 = s.read();
        s.reset();
        if (b0 == 0x1f && b1 == 0x8b) s = new BufferedInputStream(new GZIPInputStream(s, 1 << 16), 1 << 16);
        byte[] hdr = s.readNBytes(HEADER_SIZE);
        if (hdr.length < HEADER_SIZE) throw new NiftiFormatException(name + ": file too short for a NIfTI-1 header");
        ByteBuffer h = ByteBuffer.wrap(hdr).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != HEADER_SIZE) {
            h.order(ByteOrder.BIG_ENDIAN);
            if (h.getInt(0) != HEADER_SIZE) {
                throw new NiftiFormatException(name + ": not a NIfTI-1 file (sizeof_hdr is not 348; NIfTI-2 is not supported)");
            }
        }
        String magic = new String(hdr, 344, 3, StandardCharsets.US_ASCII);
        if (magic.equals("ni1")) {
            throw new NiftiFormatException(name + ": a two-file NIfTI (.hdr/.img) pair; convert it to a single .nii file");
        }
        if (!magic.equals("n+1")) throw new NiftiFormatException(name + ": NIfTI magic \"n+1\" missing");
        int ndim = h.getShort(40);
        if (ndim < 2 || ndim > 7) throw new NiftiFormatException(name + ": dim[0] = " + ndim + " is not 2..7");
        int[] dim = new int[8];
        for (int i = 1; i <= 7; i++) dim[i] = i <= ndim ? h.getShort(40 + 2 * i) : 1;
        for (int i = 4; i <= ndim; i++) {
            if (dim[i] > 1) {
                throw new NiftiFormatException(name + ": image has " + ndim + " dimensions (dim[" + i + "] = " + dim[i]
                        + "); only 3-D scalar volumes are supported");
            }
        }
        int nx = dim[1], ny = dim[2], nz = ndim >= 3 ? dim[3] : 1;
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new NiftiFormatException(name + ": invalid dimensions " + nx + "x" + ny + "x" + nz);
        }
        long n = (long) nx * ny * nz;
        if (n > MAX_VOXELS) throw new NiftiFormatException(name + ": image too large (" + n + " voxels)");
        NiftiDatatype type = NiftiDatatype.of(h.getShort(70));
        float[] pixdim = new float[8];
        for (int i = 0; i < 8; i++) pixdim[i] = h.getFloat(76 + 4 * i);
        float voxOffset = h.getFloat(108);
        float slope = h.getFloat(112), inter = h.getFloat(116);
        int qformCode = h.getShort(252), sformCode = h.getShort(254);
        String descrip = new String(hdr, 148, 80, StandardCharsets.ISO_8859_1).replace("\0", "").trim();

        double[][] a; // 3x4 voxel -> RAS mm
        String source;
        if (sformCode > 0) {
            a = new double[3][4];
            for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) a[r][c] = h.getFloat(280 + 16 * r + 4 * c);
            source = "sform";
        } else if (qformCode > 0) {
            a = qformAffine(h.getFloat(256), h.getFloat(260), h.getFloat(264), h.getFloat(268), h.getFloat(272),
                    h.getFloat(276), pixdim);
            source = "qform";
        } else {
            a = new double[][]{{abs1(pixdim[1]), 0, 0, 0}, {0, abs1(pixdim[2]), 0, 0}, {0, 0, abs1(pixdim[3]), 0}};
            source = "pixdim";
        }
        ImageGrid grid = toLpsGrid(name, a, nx, ny, nz);

        long skip = (long) Math.floor(voxOffset) - HEADER_SIZE;
        if (skip < 0) skip = 0;
        s.skipNBytes(skip);
        long bytes = n * type.bytes();
        if (bytes > Integer.MAX_VALUE - 8) throw new NiftiFormatException(name + ": voxel data larger than 2 GB");
        byte[] raw = s.readNBytes((int) bytes);
        if (raw.length < bytes) {
            throw new NiftiFormatException(name + ": voxel data truncated (" + raw.length + " of " + bytes + " bytes)");
        }
        ByteBuffer d = ByteBuffer.wrap(raw).order(h.order());
        boolean scale = slope != 0 && Float.isFinite(slope) && Float.isFinite(inter);
        float[] out = new float[(int) n];
        for (int i = 0; i < out.length; i++) {
            double v = switch (type) {
                case UINT8 -> d.get(i) & 0xff;
                case INT8 -> d.get(i);
                case INT16 -> d.getShort(2 * i);
                case UINT16 -> d.getShort(2 * i) & 0xffff;
                case INT32 -> d.getInt(4 * i);
                case UINT32 -> d.getInt(4 * i) & 0xffffffffL;
                case FLOAT32 -> d.getFloat(4 * i);
                case FLOAT64 -> d.getDouble(8 * i);
            };
            out[i] = (float) (scale ? v * slope + inter : v);
        }
        return new NiftiImage(new Volume(grid, out), type, source, descrip);
    }

    private static double abs1(float v) { return v > 0 && Float.isFinite(v) ? v : 1.0; }

    static double[][] qformAffine(double b, double c, double d, double qx, double qy, double qz, float[] pixdim) {
        double a2 = 1.0 - (b * b + c * c + d * d);
        double a = a2 < 1e-7 ? 0 : Math.sqrt(a2);
        if (a2 < 1e-7) { // normalise (b, c, d) as the NIfTI reference does for a 180 degree rotation
            double norm = Math.sqrt(b * b + c * c + d * d);
            b /= norm;
            c /= norm;
            d /= norm;
        }
        double qfac = pixdim[0] < 0 ? -1 : 1;
        double[][] r = {
                {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        double[] s = {abs1(pixdim[1]), abs1(pixdim[2]), abs1(pixdim[3]) * qfac};
        double[] off = {qx, qy, qz};
        double[][] m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) m[i][j] = r[i][j] * s[j];
            m[i][3] = off[i];
        }
        return m;
    }

    private static ImageGrid toLpsGrid(String name, double[][] ras, int nx, int ny, int nz) throws NiftiFormatException {
        double[][] cols = new double[3][3];
        double[] sp = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] v = {-ras[0][c], -ras[1][c], ras[2][c]}; // RAS -> LPS
            double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            if (!(len > 0) || !Double.isFinite(len)) {
                throw new NiftiFormatException(name + ": degenerate voxel axis " + c + " in the image affine");
            }
            sp[c] = len;
            for (int k = 0; k < 3; k++) cols[c][k] = v[k] / len;
        }
        double[] origin = {-ras[0][3], -ras[1][3], ras[2][3]};
        try {
            return new ImageGrid(nx, ny, nz, origin, cols[0], cols[1], cols[2], sp[0], sp[1], sp[2]);
        } catch (IllegalArgumentException e) {
            throw new NiftiFormatException(name + ": unsupported geometry: " + e.getMessage());
        }
    }
}

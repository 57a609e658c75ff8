package io.delineo.interop.nifti;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Volume} as a single-file NIfTI-1 image (gzip-compressed when the name ends in {@code .gz}),
 * little-endian, with both sform and qform set (code 1, scanner) from the LPS grid converted to RAS.
 */
public final class NiftiWriter {
    private NiftiWriter() { }

    public static void write(Volume volume, NiftiDatatype type, Path path) throws IOException {
        if (volume == null || type == null || path == null) {
            throw new IllegalArgumentException("volume, datatype and path are required");
        }
        boolean gz = path.getFileName().toString().endsWith(".gz");
        try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
             OutputStream o = gz ? new GZIPOutputStream(f, 1 << 16) : f) {
            write(volume, type, o);
        }
    }

    public static void write(Volume volume, NiftiDatatype type, OutputStream out) throws IOException {
        ImageGrid g = volume.grid();
        ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        short[] dim = {3, (short) g.nx(), (short) g.ny(), (short) g.nz(), 1, 1, 1, 1};
        if (g.nx() > Short.MAX_VALUE || g.ny() > Short.MAX_VALUE || g.nz() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("grid too large for NIfTI-1 (max 32767 per axis)");
        }
        for (int i = 0; i < 8; i++) h.putShort(40 + 2 * i, dim[i]);
        h.putShort(70, (short) type.code());
        h.putShort(72, (short) (type.bytes() * 8));
        double[] a = g.affine(); // LPS, row-major 4x4
        double[][] ras = new double[3][4];
        for (int c = 0; c < 4; c++) {
            ras[0][c] = -a[c];
            ras[1][c] = -a[4 + c];
            ras[2][c] = a[8 + c];
        }
        double[] q = quaternion(ras, g);
        h.putFloat(76, (float) q[4]); // qfac
        h.putFloat(80, (float) g.sx());
        h.putFloat(84, (float) g.sy());
        h.putFloat(88, (float) g.sz());
        h.putFloat(108, 352f);
        h.putFloat(112, 1f);
        h.putFloat(116, 0f);
        h.put(123, (byte) 10); // xyzt_units: mm, s
        byte[] descr = "Delineo".getBytes(StandardCharsets.US_ASCII);
        h.put(148, descr);
        h.putShort(252, (short) 1);
        h.putShort(254, (short) 1);
        h.putFloat(256, (float) q[1]);
        h.putFloat(260, (float) q[2]);
        h.putFloat(264, (float) q[3]);
        h.putFloat(268, (float) ras[0][3]);
        h.putFloat(272, (float) ras[1][3]);
        h.putFloat(276, (float) ras[2][3]);
        for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) h.putFloat(280 + 16 * r + 4 * c, (float) ras[r][c]);
        h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
        out.write(h.array());
        float[] v = volume.data();
        ByteBuffer d = ByteBuffer.allocate(v.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
            float x = v[i];
            switch (type) {
                case UINT8 -> d.put((byte) clampRound(x, 0, 255));
                case INT8 -> d.put((byte) clampRound(x, -128, 127));
                case INT16 -> d.putShort((short) clampRound(x, Short.MIN_VALUE, Short.MAX_VALUE));
                case UINT16 -> d.putShort((short) clampRound(x, 0, 65535));
                case INT32 -> d.putInt((int) clampRound(x, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case UINT32 -> d.putInt((int) clampRound(x, 0, 4294967295L));
                case FLOAT32 -> d.putFloat(x);
                case FLOAT64 -> d.putDouble(x);
            }
        }
        out.write(d.array());
    }

    private static long clampRound(float x, long lo, long hi) {
        long r = Math.round((double) x);
        return Math.max(lo, Math.min(hi, r));
    }

    /** Quaternion (a, b, c, d) and qfac of the grid's rotation in RAS. */
    private static double[] quaternion(double[][] ras, ImageGrid g) {
        double[] s = {g.sx(), g.sy(), g.sz()};
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r[i][j] = ras[i][j] / s[j];
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = 1;
        if (det < 0) { // NIfTI stores improper rotations by flipping the third axis
            qfac = -1;
            for (int i = 0; i < 3; i++) r[i][2] = -r[i][2];
        }
        double a = 1 + r[0][0] + r[1][1] + r[2][2], b, c, d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                a = -a;
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[]{a, b, c, d, qfac};
    }
}

package io.delineo.interop.common;

import io.delineo.imaging.ImageGrid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Test oracle: a minimal NRRD reader for the 3-D integer label maps dcmqi ships next to its SEG samples
 * (NRRD0004, space left-posterior-superior, raw or gzip encoding, (u)char/(u)short/(u)int). Only what those files use.
 */
public final class NrrdLabelReader {
    public record LabelVolume(ImageGrid grid, int[] labels) {
    }

    private NrrdLabelReader() {
    }

    public static LabelVolume read(Path path) throws IOException {
        byte[] all = Files.readAllBytes(path);
        int headerEnd = -1;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == '\n' && all[i + 1] == '\n') {
                headerEnd = i + 2;
                break;
            }
        }
        if (headerEnd < 0) throw new IOException(path + ": no end of NRRD header");
        String header = new String(all, 0, headerEnd, StandardCharsets.US_ASCII);
        if (!header.startsWith("NRRD")) throw new IOException(path + ": not NRRD");
        Map<String, String> fields = new HashMap<>();
        for (String line : header.split("\n")) {
            int colon = line.indexOf(": ");
            if (line.startsWith("#") || colon < 0) continue;
            fields.put(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
        }
        if (!"3".equals(fields.get("dimension"))) throw new IOException("only 3-D NRRD is supported");
        if (!"left-posterior-superior".equals(fields.get("space"))) throw new IOException("only LPS space is supported");
        String[] sizes = fields.get("sizes").split("\\s+");
        int nx = Integer.parseInt(sizes[0]), ny = Integer.parseInt(sizes[1]), nz = Integer.parseInt(sizes[2]);
        double[][] dirs = vectors(fields.get("space directions"));
        double[] origin = vectors(fields.get("space origin"))[0];
        double[] sp = new double[3];
        double[][] unit = new double[3][];
        for (int a = 0; a < 3; a++) {
            sp[a] = Math.sqrt(dirs[a][0] * dirs[a][0] + dirs[a][1] * dirs[a][1] + dirs[a][2] * dirs[a][2]);
            unit[a] = new double[]{dirs[a][0] / sp[a], dirs[a][1] / sp[a], dirs[a][2] / sp[a]};
        }
        ImageGrid grid = new ImageGrid(nx, ny, nz, origin, unit[0], unit[1], unit[2], sp[0], sp[1], sp[2]);
        InputStream data = new ByteArrayInputStream(all, headerEnd, all.length - headerEnd);
        String encoding = fields.getOrDefault("encoding", "raw");
        if (encoding.equals("gzip") || encoding.equals("gz")) data = new GZIPInputStream(data);
        else if (!encoding.equals("raw")) throw new IOException("encoding " + encoding + " is not supported");
        String type = fields.get("type");
        int bytes = switch (type) {
            case "uchar", "unsigned char", "char", "signed char" -> 1;
            case "short", "ushort", "unsigned short", "short int" -> 2;
            case "int", "uint", "unsigned int" -> 4;
            default -> throw new IOException("type " + type + " is not supported");
        };
        int n = nx * ny * nz;
        ByteBuffer b = ByteBuffer.wrap(data.readNBytes(n * bytes))
                .order("big".equals(fields.get("endian")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (b.capacity() < n * bytes) throw new IOException(path + ": voxel data truncated");
        int[] labels = new int[n];
        boolean unsigned = type.startsWith("u");
        for (int i = 0; i < n; i++) {
            labels[i] = switch (bytes) {
                case 1 -> unsigned ? b.get(i) & 0xff : b.get(i);
                case 2 -> unsigned ? b.getShort(2 * i) & 0xffff : b.getShort(2 * i);
                default -> b.getInt(4 * i);
            };
        }
        return new LabelVolume(grid, labels);
    }

    private static double[][] vectors(String text) {
        String[] parts = text.replace(")", "").split("\\(");
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (String p : parts) {
            if (p.isBlank()) continue;
            String[] c = p.trim().split(",");
            out.add(new double[]{Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2])});
        }
        return out.toArray(new double[0][]);
    }
}

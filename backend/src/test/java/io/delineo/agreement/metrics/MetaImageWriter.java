package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a mask as an uncompressed MetaImage (.mha, MET_UCHAR 0/1) in the grid's geometry, for ITK-based tools
 * such as plastimatch. MetaImage, like ITK, uses LPS patient coordinates, i.e. DICOM's. {@code TransformMatrix}
 * lists the direction of axis i, then j, then k (checked against plastimatch's centre-of-mass output in
 * {@code PlastimatchComparisonTest}); {@code Offset} is the centre of voxel (0,0,0).
 */
public final class MetaImageWriter {
    private MetaImageWriter() {}

    public static void write(BitMask mask, Path file) throws IOException {
        ImageGrid g = mask.grid();
        double[] r = g.rowDir(), c = g.colDir(), s = g.sliceDir(), o = g.origin();
        String header = String.format(Locale.ROOT, """
                ObjectType = Image
                NDims = 3
                BinaryData = True
                BinaryDataByteOrderMSB = False
                CompressedData = False
                TransformMatrix = %s %s %s %s %s %s %s %s %s
                Offset = %s %s %s
                CenterOfRotation = 0 0 0
                ElementSpacing = %s %s %s
                DimSize = %d %d %d
                ElementType = MET_UCHAR
                ElementDataFile = LOCAL
                """, r[0], r[1], r[2], c[0], c[1], c[2], s[0], s[1], s[2], o[0], o[1], o[2],
                g.sx(), g.sy(), g.sz(), g.nx(), g.ny(), g.nz());
        byte[] voxels = new byte[g.size()];
        for (int v = mask.nextSetBit(0); v >= 0; v = mask.nextSetBit(v + 1)) voxels[v] = 1;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(voxels);
        }
    }
}

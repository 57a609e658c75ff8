package io.delineo.interop.nifti;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.InteropTestSupport;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.common.TestMasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Label-map export: read back equal, affine checked in the raw header and by plastimatch (ITK), CSV volumes. */
class LabelMapTest {
    @TempDir
    Path tmp;

    static ImageGrid oblique() {
        double c = Math.cos(0.4), s = Math.sin(0.4);
        return new ImageGrid(45, 37, 9, new double[]{-40.25, 13.5, 102.125}, new double[]{c, s * 0.6, s * 0.8},
                new double[]{-s, c * 0.6, c * 0.8}, new double[]{0, -0.8, 0.6}, 0.7, 0.8, 2.5);
    }

    static List<LabeledMask> masks(ImageGrid g) {
        BitMask a = TestMasks.ellipsoid(g, g.nx() * 0.3, g.ny() * 0.5, g.nz() / 2.0, 6, 5, 2.2, 0.3);
        BitMask b = TestMasks.ellipsoid(g, g.nx() * 0.75, g.ny() * 0.4, g.nz() / 2.0, 4, 6, 1.5, 0);
        return List.of(new LabeledMask(1, "pNET", a), new LabeledMask(2, "Liver metastasis, segment 7", b));
    }

    void roundTrip(ImageGrid g, String name) throws Exception {
        List<LabeledMask> masks = masks(g);
        Path nii = tmp.resolve(name + ".nii.gz"), csv = tmp.resolve(name + ".csv");
        LabelMapWriter.write(masks, nii, csv);
        Map<Integer, BitMask> back = LabelMapReader.read(nii);
        assertThat(back.keySet()).containsExactly(1, 2);
        ImageGrid rg = back.get(1).grid();
        assertThat(rg.sameGeometry(g, 1e-4)).as("affine within 1e-4: %s vs %s", rg, g).isTrue();
        for (LabeledMask m : masks) {
            BitMask read = back.get(m.label());
            assertThat(read.xorCount(resample(m.mask(), rg))).as("label %d voxels", m.label()).isZero();
            assertThat(read.cardinality()).isEqualTo(m.mask().cardinality());
        }
        assertRawAffine(nii, g);
        assertPlastimatchSeesTheGrid(nii, g);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(LabelMapWriter.CSV_HEADER);
        assertThat(lines.get(1)).isEqualTo(String.format(java.util.Locale.ROOT, "1,pNET,%d,%.4f",
                masks.get(0).mask().cardinality(), masks.get(0).mask().cardinality() * g.voxelVolumeMm3() / 1000));
        assertThat(lines.get(2)).startsWith("2,\"Liver metastasis, segment 7\"," + masks.get(1).mask().cardinality() + ",");
        System.out.println("label map " + name + ": " + String.join(" | ", lines));
    }

    /** Same voxel indices on the read-back grid (equal to the original within 1e-4 mm). */
    static BitMask resample(BitMask m, ImageGrid g) {
        BitMask out = new BitMask(g);
        for (int n = m.nextSetBit(0); n >= 0; n = m.nextSetBit(n + 1)) out.set(n);
        return out;
    }

    /** srow_x/y/z and the qform offsets in the file are the LPS affine with x and y negated. */
    static void assertRawAffine(Path nii, ImageGrid g) throws IOException {
        byte[] header;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(nii)))) {
            header = in.readNBytes(348);
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getShort(252)).as("qform_code").isEqualTo((short) 1);
        assertThat(h.getShort(254)).as("sform_code").isEqualTo((short) 1);
        double[] lps = g.affine();
        for (int r = 0; r < 3; r++) {
            double sign = r < 2 ? -1 : 1;
            for (int c = 0; c < 4; c++) {
                assertThat((double) h.getFloat(280 + 16 * r + 4 * c)).isCloseTo(sign * lps[4 * r + c], within(1e-4));
            }
            assertThat((double) h.getFloat(268 + 4 * r)).as("qoffset").isCloseTo(sign * lps[4 * r + 3], within(1e-4));
        }
    }

    /** plastimatch (ITK) reads origin, spacing and direction back in LPS. */
    static void assertPlastimatchSeesTheGrid(Path nii, ImageGrid g) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/plastimatch"))) {
            throw new AssertionError("required test oracle missing: plastimatch (Debian package plastimatch)");
        }
        Process p = new ProcessBuilder("/usr/bin/plastimatch", "header", nii.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        double[] origin = numbers(out, "Origin"), spacing = numbers(out, "Spacing"), dir = numbers(out, "Direction");
        int[] size = java.util.Arrays.stream(numbers(out, "Size")).mapToInt(d -> (int) d).toArray();
        assertThat(size).containsExactly(g.nx(), g.ny(), g.nz());
        assertThat(origin).containsExactly(g.origin(), within(1e-4));
        assertThat(spacing).containsExactly(new double[]{g.sx(), g.sy(), g.sz()}, within(1e-4));
        double[][] axes = {g.rowDir(), g.colDir(), g.sliceDir()};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(dir[3 * r + c]).as("direction row %d col %d", r, c).isCloseTo(axes[c][r], within(1e-4));
            }
        }
    }

    static double[] numbers(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key + " =")) {
                return java.util.Arrays.stream(line.substring(line.indexOf('=') + 1).trim().split("\\s+"))
                        .mapToDouble(Double::parseDouble).toArray();
            }
        }
        throw new AssertionError(key + " not in plastimatch header output:\n" + text);
    }

    @Test
    void obliqueGridRoundTrip() throws Exception {
        roundTrip(oblique(), "oblique");
    }

    @Test
    void demoCtGridRoundTrip() throws Exception {
        SourceSeries demo = InteropTestSupport.series(InteropTestSupport.demoCt());
        roundTrip(demo.grid(), "demo");
    }

    @Test
    void manyLabelsUseInt16AndOverlapsAreRefused() throws Exception {
        ImageGrid g = ImageGrid.axial(8, 8, 2, 1, 1, 2);
        BitMask a = new BitMask(g), b = new BitMask(g);
        a.set(3);
        b.set(5);
        Path nii = tmp.resolve("big.nii");
        LabelMapWriter.write(List.of(new LabeledMask(300, "a", a), new LabeledMask(2, "b", b)), nii, null);
        assertThat(NiftiReader.read(nii).storedType()).isEqualTo(NiftiDatatype.INT16);
        assertThat(LabelMapReader.read(nii).get(300).get(3)).isTrue();
        b.set(3);
        assertThatThrownBy(() -> LabelMapWriter.write(List.of(new LabeledMask(1, "a", a), new LabeledMask(2, "b", b)),
                nii, null)).hasMessageContaining("overlap in 1 voxels");
    }
}

package io.delineo.dicom.pixel;

import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.TestFiles;
import io.delineo.dicom.UnsupportedTransferSyntaxException;
import io.delineo.dicom.io.DicomReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.delineo.dicom.DumpRenderer.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decoded stored values of every frame of every conformance file with pixel data equal the oracle's (pydicom numpy,
 * dcmdrle, dcmdjpeg, dcmdjpls or Pillow/OpenJPEG: see make_pixel_goldens.py), compared as SHA-256 of int32 LE.
 * Syntaxes without a Java decoder must be refused with UnsupportedTransferSyntaxException.
 */
class PixelGoldenTest {
    /** Files whose decoding we refuse, with the reason (they stay readable and their encoded frames servable). */
    static final Map<String, String> REFUSED = Map.of(
            "JPEG-lossy.dcm", "12-bit",
            "JPGExtended.dcm", "12-bit",
            "MR_small_jpeg_ls_lossless.dcm", "JPEG-LS");

    /** Files no oracle decodes: we must fail with our exception, not crash. */
    static final Set<String> BROKEN = Set.of("JPEG2000-embedded-sequence-delimiter.dcm", "badVR.dcm");

    @TestFactory
    Stream<DynamicTest> decodedFramesEqualOracle() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(TestFiles.resource("golden/pixels.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            tests.add(DynamicTest.dynamicTest(f[0] + " [" + f[1] + "]", () -> check(f)));
        }
        return tests.stream();
    }

    private static void check(String[] golden) throws IOException {
        String file = golden[0];
        DicomFile dicom = DicomReader.read(TestFiles.pydicomFile(file));
        if (BROKEN.contains(file)) {
            assertThatThrownBy(() -> {
                PixelData p = PixelData.of(dicom);
                for (int i = 0; i < p.frameCount(); i++) {
                    p.storedValues(i);
                }
            }).isInstanceOf(DicomException.class);
            return;
        }
        if (golden[1].startsWith("oracle-failed")) {
            // GDCMJ2K_TextGBR.dcm: Pillow/OpenJPEG reports a broken stream, so there is no reference; we only require
            // a clean result or our exception
            try {
                PixelData p = PixelData.of(dicom);
                p.storedValues(0);
            } catch (DicomException expected) {
                // acceptable
            }
            return;
        }
        PixelData pixels = PixelData.of(dicom);
        assertThat(pixels.frameCount()).isEqualTo(Integer.parseInt(golden[2]));
        assertThat(pixels.description().rows()).isEqualTo(Integer.parseInt(golden[3]));
        assertThat(pixels.description().columns()).isEqualTo(Integer.parseInt(golden[4]));
        if (REFUSED.containsKey(file)) {
            assertThatThrownBy(() -> pixels.storedValues(0)).isInstanceOf(UnsupportedTransferSyntaxException.class)
                    .hasMessageContaining(REFUSED.get(file)).hasMessageContaining(dicom.transferSyntax().uid());
            assertThat(pixels.encodedFrame(0)).isNotEmpty();
            return;
        }
        String[] hashes = golden[6].split(",");
        for (int frame = 0; frame < hashes.length; frame++) {
            int[] values = pixels.storedValues(frame);
            Path lossy = TestFiles.resource("golden/pixels-lossy-j2k").resolve(file.replace('/', '_') + ".frame" + frame + ".i32le.gz");
            if (Files.exists(lossy)) {
                // lossy JPEG 2000: JJ2000 and OpenJPEG may round a few samples differently
                int[] reference = readGzipInt32(lossy);
                assertThat(values).hasSameSizeAs(reference);
                int worst = 0;
                for (int i = 0; i < values.length; i++) {
                    worst = Math.max(worst, Math.abs(values[i] - reference[i]));
                }
                assertThat(worst).as(file + " frame " + frame + " largest difference from OpenJPEG").isLessThanOrEqualTo(1);
            } else {
                assertThat(sha256(int32le(values))).as(file + " frame " + frame).isEqualTo(hashes[frame]);
            }
        }
    }

    private static int[] readGzipInt32(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            int[] out = new int[b.remaining() / 4];
            b.asIntBuffer().get(out);
            return out;
        }
    }

    static byte[] int32le(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}

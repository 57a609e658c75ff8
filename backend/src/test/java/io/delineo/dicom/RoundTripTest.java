package io.delineo.dicom;

import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.dicom.io.WriteOptions;
import io.delineo.dicom.pixel.PixelData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * read -> write -> read is lossless for every conformance file, with defined and with undefined sequence lengths:
 * every attribute (nested too) keeps VR and value bytes, fragments keep their bytes, decoded pixel values are equal.
 * Documented normalisations: values of odd length gain their VR's padding byte; group length elements other than
 * (0002,0000) are not written (retired); encapsulated pixel data is always OB. Objects without SOP Class/Instance UID
 * cannot get Part 10 file meta and are written as bare Explicit VR LE data sets instead.
 */
class RoundTripTest {

    @TestFactory
    Stream<DynamicTest> readWriteReadIsLossless() {
        List<String> files = new ArrayList<>(TestFiles.conformanceFiles());
        files.add("SC_rgb_jpeg.dcm");
        return files.stream().flatMap(f -> Stream.of(
                DynamicTest.dynamicTest(f + " (defined lengths)", () -> roundTrip(f, WriteOptions.DEFAULTS)),
                DynamicTest.dynamicTest(f + " (undefined lengths)", () -> roundTrip(f, WriteOptions.DEFAULTS.withUndefinedLengthSequences(true)))));
    }

    static boolean hasSopUids(DicomFile f) {
        return (f.dataset().getString(Tags.SOPClassUID) != null || f.fileMeta().getString(Tags.MediaStorageSOPClassUID) != null)
                && (f.dataset().getString(Tags.SOPInstanceUID) != null || f.fileMeta().getString(Tags.MediaStorageSOPInstanceUID) != null);
    }

    /** Writes a parsed file: Part 10 when it has SOP UIDs, else a bare data set. */
    static byte[] write(DicomFile original, WriteOptions options) throws IOException {
        if (hasSopUids(original)) {
            return DicomWriter.toBytes(original, options);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(original.dataset(), out, options);
        return out.toByteArray();
    }

    private static void roundTrip(String file, WriteOptions options) throws IOException {
        DicomFile original = DicomReader.read(TestFiles.pydicomFile(file));
        DicomFile copy = DicomReader.read(write(original, options));
        if (hasSopUids(original)) {
            assertThat(copy.transferSyntax()).isEqualTo(DicomWriter.outputSyntax(original));
            assertThat(copy.fileMeta().getString(Tags.TransferSyntaxUID)).isEqualTo(copy.transferSyntax().uid());
        }
        List<String> problems = new ArrayList<>();
        compare(original.dataset(), copy.dataset(), "", problems, original.transferSyntax().bigEndian());
        assertThat(problems).as(file).isEmpty();
        comparePixels(original, copy);
    }

    static void compare(Dataset a, Dataset b, String path, List<String> problems, boolean bigEndianSource) {
        for (Attribute x : a) {
            if (Tag.isGroupLength(x.tag())) {
                continue;
            }
            String where = path + Tag.toString(x.tag());
            Attribute y = b.get(x.tag());
            if (y == null) {
                problems.add(where + " missing after round trip");
                continue;
            }
            if (x.vr() != y.vr() && !(y.vr() == VR.UN && x.bytes() != null && x.bytes().length > 0xFFFE)) {
                problems.add(where + " VR " + x.vr() + " became " + y.vr());
            }
            if (x.isSequence()) {
                if (!y.isSequence() || x.sequence().size() != y.sequence().size()) {
                    problems.add(where + " sequence item count changed");
                    continue;
                }
                for (int i = 0; i < x.sequence().size(); i++) {
                    compare(x.sequence().get(i), y.sequence().get(i), where + "[" + i + "]", problems, bigEndianSource);
                }
            } else if (x.isEncapsulated()) {
                Fragments fx = x.fragments();
                Fragments fy = y.fragments();
                if (fy == null || fx.size() != fy.size() || !paddedEqual(fx.basicOffsetTable(), fy.basicOffsetTable())) {
                    problems.add(where + " fragments changed");
                    continue;
                }
                for (int i = 0; i < fx.size(); i++) {
                    if (!paddedEqual(fx.get(i), fy.get(i))) {
                        problems.add(where + " fragment " + i + " changed");
                    }
                }
            } else if (!(bigEndianSource && x.tag() == Tags.PixelData) && !paddedEqual(x.bytes(), y.bytes())) {
                problems.add(where + " value bytes changed");
            }
        }
        for (Attribute y : b) {
            if (a.get(y.tag()) == null) {
                problems.add(path + Tag.toString(y.tag()) + " appeared after round trip");
            }
        }
    }

    /** Equal, or equal after the single padding byte added to an odd-length value. */
    static boolean paddedEqual(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        return a.length % 2 == 1 && b.length == a.length + 1 && Arrays.equals(a, 0, a.length, b, 0, a.length);
    }

    /** Pixel values decode identically (covers big endian sources whose 32-bit OW bytes are normalised on writing). */
    private static void comparePixels(DicomFile original, DicomFile copy) {
        if (original.dataset().get(Tags.PixelData) == null) {
            return;
        }
        PixelData before;
        try {
            before = PixelData.of(original);
            before.storedValues(0);
        } catch (DicomException notDecodable) {
            return; // refused syntaxes and broken files: their bytes were compared above
        }
        PixelData after = PixelData.of(copy);
        for (int frame = 0; frame < before.frameCount(); frame++) {
            assertThat(after.storedValues(frame)).as("frame " + frame).isEqualTo(before.storedValues(frame));
        }
    }
}

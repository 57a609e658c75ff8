package io.delineo.archive;

import io.delineo.dicom.DicomFile;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.pixel.PixelData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On every conformance file and the demo CT: where byte ranges are recorded, each frame read by its range is exactly
 * the frame the parser gives; where the layout does not allow it (deflated, big endian, several fragments per frame,
 * 1-bit samples), no ranges are recorded and frames are parsed.
 */
class FrameRangesTest {
    static final Path CONFORMANCE = Path.of("src/test/resources/dicom/pydicom-test-files/test_files");

    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(CONFORMANCE, Path.of("demo-data/pancreatic-ct"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).filter(p -> !p.toString().matches(".*\\.(txt|json|dump|gz)$"))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyRecordedRangeHoldsExactlyItsFrame() throws IOException {
        int nativeRanged = 0, encapsulatedRanged = 0, parsedOnly = 0;
        for (Path f : files()) {
            DicomFile file;
            PixelData pixels;
            try {
                file = DicomReader.read(f, ReadOptions.defaults());
                pixels = PixelData.of(file);
                pixels.encodedFrame(0);
            } catch (RuntimeException e) {
                continue; // not an image the archive could serve frames of
            }
            long[] ranges = FrameRanges.locate(file, StoredBytes.ofFile(f));
            if (ranges == null) {
                parsedOnly++;
                continue;
            }
            assertThat(ranges).as(f.toString()).hasSize(2 * pixels.frameCount());
            StoredBytes.Ranges bytes = StoredBytes.ofFile(f);
            for (int i = 0; i < pixels.frameCount(); i++) {
                assertThat(bytes.read(ranges[2 * i], (int) ranges[2 * i + 1])).as(f + " frame " + (i + 1))
                        .isEqualTo(pixels.encodedFrame(i));
            }
            if (pixels.isEncapsulated()) encapsulatedRanged++; else nativeRanged++;
        }
        assertThat(nativeRanged).as("native objects served by range").isGreaterThan(79);
        assertThat(encapsulatedRanged).as("compressed objects served by range").isGreaterThan(5);
        assertThat(parsedOnly).as("objects left to the parser").isPositive();
    }
}

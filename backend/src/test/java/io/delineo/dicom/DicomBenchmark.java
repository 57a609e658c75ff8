package io.delineo.dicom;

import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.pixel.PixelData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of the reader and decoder on the 79-slice 512x512 pancreatic CT in /work/shared (never copied into the
 * project). Not run in CI (surefire excludes *Benchmark*). Run on demand:
 * <pre>mvn -B -q -o -Dskip.frontend -pl backend test -Dtest=DicomBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class DicomBenchmark {
    private static final Path SERIES = Path.of("/work/shared/data/pancreatic-ct-cbct-seg/Pancreatic-CT-CBCT-SEG/"
            + "Pancreas-CT-CB_001/07-06-2012-NA-PANCREAS-59677/201.000000-PANCREAS DI iDose 3-97846");

    @Test
    void parseAndDecodeThroughput() throws IOException {
        boolean present = Files.isDirectory(SERIES);
        if (!present) {
            System.err.println("DicomBenchmark SKIPPED: " + SERIES + " is absent (it lives only in /work/shared)");
        }
        Assumptions.assumeTrue(present, "benchmark series absent");
        List<Path> files;
        try (Stream<Path> s = Files.list(SERIES)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertThat(files).hasSize(79);
        // file bytes are read once so the numbers measure the codec, not the disk
        List<byte[]> data = files.stream().map(TestFiles::bytes).toList();
        ReadOptions headerOnly = ReadOptions.defaults().withStopBeforePixelData(true);
        double checksum = 0;
        for (int warmup = 0; warmup < 5; warmup++) {
            for (byte[] d : data) {
                checksum += PixelData.of(DicomReader.read(d)).realValues(0)[0];
                checksum += DicomReader.read(d, headerOnly).dataset().size();
            }
        }
        int rounds = 10;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] d : data) {
                checksum += DicomReader.read(d, headerOnly).dataset().size();
            }
        }
        double headerSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] d : data) {
                float[] hu = PixelData.of(DicomReader.read(d)).realValues(0);
                checksum += hu[hu.length / 2];
            }
        }
        double fullSeconds = (System.nanoTime() - start) / 1e9;
        int instances = rounds * data.size();
        DicomFile first = DicomReader.read(data.get(0));
        System.out.printf("DicomBenchmark: %d slices %dx%d, transfer syntax %s%n", data.size(),
                first.dataset().getInt(Tags.Rows, 0), first.dataset().getInt(Tags.Columns, 0), first.transferSyntax().name());
        System.out.printf("DicomBenchmark: header-only parse  %.0f instances/s%n", instances / headerSeconds);
        System.out.printf("DicomBenchmark: full parse + HU    %.0f instances/s (%.1f Mvoxel/s)%n", instances / fullSeconds,
                instances * 512.0 * 512 / fullSeconds / 1e6);
        System.out.println("DicomBenchmark: checksum " + checksum);
        assertThat(checksum).isNotNaN();
    }
}

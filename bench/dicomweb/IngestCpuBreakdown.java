import io.delineo.archive.IndexedAttributes;
import io.delineo.archive.web.MultipartRelatedReader;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.json.DicomJson;
import io.delineo.dicom.pixel.PixelData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU cost of the in-memory steps of the portal's STOW ingest and WADO frame path, per CT instance, measured on the
 * portal's own classes (no HTTP, no database, no fsync): which step the profile's worker-thread CPU goes to.
 *
 * <pre>
 * java -cp 'backend/target/quarkus-app/app/*:backend/target/quarkus-app/lib/main/*' \
 *      bench/dicomweb/IngestCpuBreakdown.java backend/demo-data/pancreatic-ct
 * </pre>
 * Prints the median of 5 timed rounds over all files (after 5 warm-up rounds) in microseconds of this thread's CPU
 * time per instance (CPU time rather than wall time, so that other work on the machine distorts it less).
 */
public class IngestCpuBreakdown {
    interface Step {
        Object run(byte[] file) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) files.add(Files.readAllBytes(p));
        }
        String boundary = "bench-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        java.util.Map<byte[], byte[]> bodies = new java.util.IdentityHashMap<>();
        for (byte[] f : files) bodies.put(f, multipart(f, boundary));
        step(files, "multipart part scan (MultipartRelatedReader, 64 KiB reads)", f -> {
            MultipartRelatedReader r = new MultipartRelatedReader(new ByteArrayInputStream(bodies.get(f)), boundary);
            MultipartRelatedReader.Part part = r.next();
            byte[] buf = new byte[64 * 1024];
            long n = 0;
            int k;
            while ((k = part.body().read(buf)) > 0) n += k;
            return n;
        });
        step(files, "SHA-256 of the object", f -> MessageDigest.getInstance("SHA-256").digest(f));
        step(files, "DicomReader.read, whole object", f -> DicomReader.read(f, ReadOptions.defaults()));
        step(files, "DicomReader.read, stop before pixel data", f ->
                DicomReader.read(f, ReadOptions.defaults().withStopBeforePixelData(true)));
        step(files, "IndexedAttributes.of", f -> IndexedAttributes.of(DicomReader.read(f,
                ReadOptions.defaults().withStopBeforePixelData(true)).dataset()) == null ? 0 : 1, true);
        step(files, "DicomJson.toJson (metadata for the index)", f -> {
            DicomFile d = DicomReader.read(f, ReadOptions.defaults().withStopBeforePixelData(true));
            return DicomJson.toJson(d.dataset(), (path, a) -> a.tag() == Tags.PixelData ? "/bulk/" + path : null);
        }, true);
        step(files, "WADO frame: read whole object + PixelData.nativeFrame(0)", f ->
                PixelData.of(DicomReader.read(f, ReadOptions.defaults())).nativeFrame(0));
    }

    static byte[] multipart(byte[] part, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length + 200);
        out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(part);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static void step(List<byte[]> files, String name, Step step) throws Exception {
        step(files, name, step, false);
    }

    /** {@code minusHeaderRead}: subtract the cost of the header-only read the step needs as input. */
    static void step(List<byte[]> files, String name, Step step, boolean minusHeaderRead) throws Exception {
        double us = median(files, step);
        if (minusHeaderRead) {
            us -= median(files, f -> DicomReader.read(f, ReadOptions.defaults().withStopBeforePixelData(true)));
        }
        System.out.printf("%8.0f us/instance  %s%n", us, name);
    }

    static double median(List<byte[]> files, Step step) throws Exception {
        Object sink = null;
        double[] rounds = new double[5];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < 10; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (byte[] f : files) sink = step.run(f);
            if (r >= 5) rounds[r - 5] = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / files.size();
        }
        if (sink == null) throw new IllegalStateException();
        java.util.Arrays.sort(rounds);
        return rounds[2];
    }
}

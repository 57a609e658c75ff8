package io.delineo.dicom;

import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.json.DicomJson;
import io.delineo.dicom.pixel.PixelData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation fuzzing: thousands of randomly corrupted copies (byte flips, truncations, corrupted and huge length
 * fields, duplicated or deleted chunks) of the conformance files go through the reader, and what parses goes on
 * through JSON, the writer and native/RLE pixel decoding. The reader may only throw DicomParseException, the later
 * steps only DicomException; a clean result is also fine. Memory is bounded by tight read limits.
 * Fixed seed (override: -Ddicom.fuzz.seed=..., -Ddicom.fuzz.iterations=...); the seed is printed.
 * Not fuzzed: the third-party JPEG / JPEG 2000 decoders (their exceptions are wrapped, but a corrupt codestream
 * can make them slow).
 */
class MutationFuzzTest {
    private static final ReadOptions LIMITS = ReadOptions.defaults().withMaxValueLength(8 << 20)
            .withMaxTotalBytes(32L << 20).withMaxInflatedBytes(32L << 20).withMaxDepth(32);

    @Test
    void corruptedFilesGiveOnlyParseExceptions() {
        long seed = Long.getLong("dicom.fuzz.seed", 20261127L);
        int iterations = Integer.getInteger("dicom.fuzz.iterations", 4000);
        System.out.println("MutationFuzzTest seed=" + seed + " iterations=" + iterations);
        List<byte[]> corpus = new ArrayList<>();
        for (String file : TestFiles.conformanceFiles()) {
            byte[] bytes = TestFiles.bytes(TestFiles.pydicomFile(file));
            if (bytes.length <= 300_000) {
                corpus.add(bytes);
            }
        }
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        int refused = 0;
        int laterRefusals = 0;
        for (int i = 0; i < iterations; i++) {
            int pick = random.nextInt(corpus.size());
            int kind = random.nextInt(6);
            byte[] mutated = mutate(corpus.get(pick), kind, random);
            DicomFile file;
            try {
                file = DicomReader.read(mutated, LIMITS);
            } catch (DicomParseException expected) {
                refused++;
                continue;
            } catch (Throwable unexpected) {
                if (failures.size() < 20) {
                    failures.add("iteration " + i + " (corpus file " + pick + ", mutation " + kind + ") reader: " + unexpected);
                }
                continue;
            }
            parsed++;
            try {
                exercise(file);
            } catch (DicomException refusedLater) {
                laterRefusals++; // the content was refused by a later step with our exception: fine
            } catch (Throwable unexpected) {
                if (failures.size() < 20) {
                    failures.add("iteration " + i + " (corpus file " + pick + ", mutation " + kind + "): " + unexpected);
                }
            }
        }
        System.out.println("MutationFuzzTest: " + parsed + " parsed (" + laterRefusals + " of them then refused by "
                + "JSON/writer/pixel decoding with DicomException), " + refused + " refused with DicomParseException");
        assertThat(failures).as("unexpected exceptions (seed " + seed + ")").isEmpty();
        assertThat(parsed + refused).isEqualTo(iterations);
        assertThat(refused).isGreaterThan(iterations / 10);
    }

    /** What later code does with a parsed object: text decoding, JSON, writing, native/RLE pixel decoding. */
    private static void exercise(DicomFile file) {
        for (Attribute a : file.dataset()) {
            file.dataset().getStrings(a.tag());
        }
        DicomJson.toJson(file.dataset(), (path, a) -> a.isEncapsulated() ? "frames:" + path : null);
        if (file.dataset().getString(Tags.SOPClassUID) != null && file.dataset().getString(Tags.SOPInstanceUID) != null) {
            DicomWriter.toBytes(file);
        }
        TransferSyntax.PixelDecoding decoder = file.transferSyntax().decoder();
        if (file.dataset().contains(Tags.PixelData) && (decoder == TransferSyntax.PixelDecoding.NATIVE
                || decoder == TransferSyntax.PixelDecoding.RLE)) {
            PixelData pixels = PixelData.of(file);
            pixels.storedValues(0);
            if (pixels.description().samplesPerPixel() == 1) {
                pixels.realValues(pixels.frameCount() - 1);
            }
        }
    }

    static byte[] mutate(byte[] original, int kind, Random random) {
        byte[] b = original.clone();
        if (b.length < 8) {
            return b; // already cut to almost nothing by an earlier mutation
        }
        switch (kind) {
            case 0 -> { // byte flips
                int n = 1 + random.nextInt(8);
                for (int k = 0; k < n; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncation
            case 2 -> { // a 32-bit field somewhere becomes a suspicious length
                int[] lengths = {0xFFFFFFFF, 0xFFFFFFF0, 0x7FFFFFFF, 0x7FFFFFF0, 0x00FFFFFF, 3, random.nextInt()};
                int p = random.nextInt(Math.max(1, b.length - 4));
                ByteOrderUtil.writeInt(b, p, lengths[random.nextInt(lengths.length)]);
            }
            case 3 -> { // the length of a real element header becomes huge
                List<Integer> headers = new ArrayList<>();
                for (int p = 4; p + 8 < b.length; p++) {
                    if (VR.fromCode(b[p] & 0xFF, b[p + 1] & 0xFF) != null) {
                        headers.add(p);
                    }
                }
                if (!headers.isEmpty()) {
                    int p = headers.get(random.nextInt(headers.size()));
                    VR vr = VR.fromCode(b[p] & 0xFF, b[p + 1] & 0xFF);
                    if (vr.hasLongLength()) {
                        ByteOrderUtil.writeInt(b, p + 4, random.nextBoolean() ? 0x7FFFFFF0 : 0xFFFFFFFE);
                    } else {
                        ByteOrderUtil.writeShort(b, p + 2, 0xFFFF);
                    }
                }
            }
            case 4 -> { // duplicate or delete a chunk
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(64));
                byte[] out = new byte[random.nextBoolean() ? b.length + len : b.length - len];
                if (out.length > b.length) {
                    System.arraycopy(b, 0, out, 0, from + len);
                    System.arraycopy(b, from, out, from + len, b.length - from);
                } else {
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, b.length - from - len);
                }
                b = out;
            }
            default -> b = mutate(mutate(b, random.nextInt(5), random), random.nextInt(5), random);
        }
        return b;
    }
}

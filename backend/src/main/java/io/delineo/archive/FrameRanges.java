package io.delineo.archive;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.VR;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.dicom.pixel.PixelDescription;

import java.io.IOException;
import java.util.Arrays;

/**
 * Finds where each frame's bytes lie in a stored file ({offset, length} per frame, flattened), so a frame can be
 * served by reading only its range. Only frames that are one contiguous range in their stored encoding qualify:
 * native little-endian pixel data with whole-byte samples, or encapsulated pixel data with one fragment per frame.
 * Anything else (and anything that does not check out against the parsed object) gets null: served by parsing.
 */
public final class FrameRanges {
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    private FrameRanges() {
    }

    public static long[] locate(DicomFile file, StoredBytes.Ranges bytes) {
        TransferSyntax ts = file.transferSyntax();
        Attribute pixelAttribute = file.dataset().get(Tags.PixelData);
        long at = file.pixelDataOffset();
        if (pixelAttribute == null || at < 0 || ts.deflated() || ts.bigEndian()) return null;
        try {
            PixelData pixels = PixelData.of(file);
            byte[] head = bytes.read(at, 12);
            if (u16(head, 0) != 0x7FE0 || u16(head, 2) != 0x0010) return null;
            // explicit VR: a VR code and two reserved zero bytes; implicit VR: a 4-byte length
            boolean explicit = VR.fromCode(head[4], head[5]) != null && head[6] == 0 && head[7] == 0;
            long valueStart = at + (explicit ? 12 : 8);
            long valueLength = u32(head, explicit ? 8 : 4);
            long[] ranges = pixelAttribute.isEncapsulated()
                    ? fragmentPerFrame(bytes, valueStart, valueLength, pixels.frameCount())
                    : nativeFrames(pixels.description(), valueStart, valueLength);
            return ranges != null && matches(ranges, pixels, bytes) ? ranges : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long[] nativeFrames(PixelDescription d, long valueStart, long valueLength) {
        if (d.bitsAllocated() % 8 != 0 || d.frames() < 1) return null;
        long frameBytes = d.nativeFrameBytes();
        if (frameBytes * d.frames() > valueLength) return null;
        long[] ranges = new long[2 * d.frames()];
        for (int i = 0; i < d.frames(); i++) {
            ranges[2 * i] = valueStart + i * frameBytes;
            ranges[2 * i + 1] = frameBytes;
        }
        return ranges;
    }

    /** Walks the items of encapsulated pixel data (offset table first) reading only their 8-byte headers. */
    private static long[] fragmentPerFrame(StoredBytes.Ranges bytes, long valueStart, long valueLength, int frames)
            throws IOException {
        if (valueLength != UNDEFINED_LENGTH) return null;
        long[] found = new long[16];
        int n = 0;
        long pos = valueStart;
        boolean offsetTable = true;
        while (true) {
            byte[] item = bytes.read(pos, 8);
            int group = u16(item, 0), element = u16(item, 2);
            long length = u32(item, 4);
            if (group == 0xFFFE && element == 0xE0DD) break;
            if (group != 0xFFFE || element != 0xE000 || length == UNDEFINED_LENGTH) return null;
            if (!offsetTable) {
                if (n == found.length) found = Arrays.copyOf(found, 2 * n);
                found[n++] = pos + 8;
                found[n++] = length;
                if (n / 2 > frames) return null;
            }
            offsetTable = false;
            pos += 8 + length;
        }
        return n / 2 == frames ? Arrays.copyOf(found, n) : null;
    }

    /** Every range has the length of the parsed frame, and the first frame's bytes are identical. */
    private static boolean matches(long[] ranges, PixelData pixels, StoredBytes.Ranges bytes) throws IOException {
        int frames = ranges.length / 2;
        if (frames != pixels.frameCount()) return false;
        if (pixels.isEncapsulated()) {
            for (int i = 0; i < frames; i++) {
                if (pixels.encodedFrame(i).length != ranges[2 * i + 1]) return false;
            }
        }
        byte[] first = pixels.encodedFrame(0);
        return first.length == ranges[1] && Arrays.equals(first, bytes.read(ranges[0], (int) ranges[1]));
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}

package io.delineo.dicom.pixel;

import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.DicomException;

/**
 * DICOM RLE Lossless (PS3.5 G): a 64-byte header of up to 15 segment offsets, each segment a PackBits run of one
 * byte plane (most significant byte first, per sample). Output is native little endian in the given planar layout.
 */
final class RleDecoder {
    private RleDecoder() {
    }

    static byte[] decode(byte[] frame, PixelDescription d, int frameIndex) {
        int bytesPerSample = d.bitsAllocated() / 8;
        if (d.bitsAllocated() == 1 || bytesPerSample < 1) {
            throw new DicomException("RLE with Bits Allocated " + d.bitsAllocated() + " is not supported");
        }
        int segmentsNeeded = bytesPerSample * d.samplesPerPixel();
        if (frame.length < 64) {
            throw new DicomException("RLE frame " + frameIndex + " is shorter than its 64-byte header");
        }
        int segments = ByteOrderUtil.readInt(frame, 0, false);
        if (segments != segmentsNeeded) {
            throw new DicomException("RLE frame " + frameIndex + " has " + segments + " segments; "
                    + segmentsNeeded + " expected for " + d.samplesPerPixel() + " samples of " + d.bitsAllocated() + " bits");
        }
        int pixels = d.pixelsPerFrame();
        byte[] out = new byte[pixels * d.samplesPerPixel() * bytesPerSample];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < d.samplesPerPixel(); s++) {
            for (int b = 0; b < bytesPerSample; b++) {
                int segment = s * bytesPerSample + b;
                long start = ByteOrderUtil.readInt(frame, 4 + 4 * segment, false) & 0xFFFFFFFFL;
                long end = segment + 1 < segments ? ByteOrderUtil.readInt(frame, 8 + 4 * segment, false) & 0xFFFFFFFFL : frame.length;
                if (start < 64 || end > frame.length || end < start) {
                    throw new DicomException("RLE frame " + frameIndex + " segment " + segment + " offsets "
                            + start + ".." + end + " are outside the frame of " + frame.length + " bytes");
                }
                unpack(frame, (int) start, (int) end, plane, frameIndex, segment);
                // byte b counts from the most significant; little-endian position is bytesPerSample-1-b
                int byteInSample = bytesPerSample - 1 - b;
                for (int p = 0; p < pixels; p++) {
                    int sampleIndex = d.planarConfiguration() == 1 ? s * pixels + p : p * d.samplesPerPixel() + s;
                    out[sampleIndex * bytesPerSample + byteInSample] = plane[p];
                }
            }
        }
        return out;
    }

    /** PackBits: n in 0..127 copies n+1 literal bytes; n in -127..-1 repeats the next byte 1-n times; -128 is a no-op. */
    private static void unpack(byte[] in, int pos, int end, byte[] plane, int frameIndex, int segment) {
        int out = 0;
        while (out < plane.length && pos < end) {
            int n = in[pos++];
            if (n >= 0) {
                int count = n + 1;
                if (pos + count > end || out + count > plane.length) {
                    throw overrun(frameIndex, segment);
                }
                System.arraycopy(in, pos, plane, out, count);
                pos += count;
                out += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (pos >= end || out + count > plane.length) {
                    throw overrun(frameIndex, segment);
                }
                byte value = in[pos++];
                for (int i = 0; i < count; i++) {
                    plane[out++] = value;
                }
            }
        }
        if (out < plane.length) {
            throw new DicomException("RLE frame " + frameIndex + " segment " + segment + " decodes to " + out
                    + " bytes; " + plane.length + " expected");
        }
    }

    private static DicomException overrun(int frameIndex, int segment) {
        return new DicomException("RLE frame " + frameIndex + " segment " + segment + " is corrupt (run past its end)");
    }
}

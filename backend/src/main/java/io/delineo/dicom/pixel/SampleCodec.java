package io.delineo.dicom.pixel;

import io.delineo.dicom.DicomException;

/** Turns native little-endian frame bytes into stored sample values and back. */
final class SampleCodec {
    private SampleCodec() {
    }

    /**
     * Stored values of a native frame in pixel-interleaved order (pixel * samplesPerPixel + sample), masked to Bits
     * Stored below High Bit and sign-extended when Pixel Representation is 1. YBR_FULL_422 frames (two luminance
     * samples share one Cb/Cr pair) are expanded to three samples per pixel.
     */
    static int[] storedValues(byte[] frame, PixelDescription d) {
        int pixels = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        int[] out = new int[pixels * spp];
        if (d.photometric() == PhotometricInterpretation.YBR_FULL_422 && spp == 3 && d.bitsAllocated() == 8
                && frame.length < pixels * 3) {
            expandYbr422(frame, d, out);
            return out;
        }
        long needBits = (long) pixels * spp * d.bitsAllocated();
        if ((long) frame.length * 8 < needBits) {
            throw new DicomException("frame holds " + frame.length + " bytes but " + d.rows() + " x " + d.columns()
                    + " x " + spp + " samples of " + d.bitsAllocated() + " bits need " + (needBits + 7) / 8);
        }
        int shift = d.highBit() + 1 - d.bitsStored();
        int bits = d.bitsStored();
        if (d.bitsAllocated() == 16 && (spp == 1 || d.planarConfiguration() == 0)) {
            unpack16(frame, out, shift, bits, d.signed());
            return out;
        }
        long mask = bits == 32 ? 0xFFFFFFFFL : (1L << bits) - 1;
        for (int p = 0; p < pixels; p++) {
            for (int s = 0; s < spp; s++) {
                int src = d.planarConfiguration() == 1 && spp > 1 ? s * pixels + p : p * spp + s;
                long raw = switch (d.bitsAllocated()) {
                    case 1 -> (frame[src >>> 3] >> (src & 7)) & 1;
                    case 8 -> frame[src] & 0xFF;
                    case 16 -> (frame[2 * src] & 0xFF) | ((frame[2 * src + 1] & 0xFF) << 8);
                    default -> ((frame[4 * src] & 0xFF) | ((frame[4 * src + 1] & 0xFF) << 8)
                            | ((frame[4 * src + 2] & 0xFF) << 16) | ((long) (frame[4 * src + 3] & 0xFF) << 24));
                };
                long v = (raw >>> shift) & mask;
                if (d.signed() && bits < 64 && (v & (1L << (bits - 1))) != 0) {
                    v -= 1L << bits;
                }
                out[p * spp + s] = (int) v;
            }
        }
        return out;
    }

    /** The common case (16-bit, interleaved or single sample) without per-sample dispatch. */
    private static void unpack16(byte[] frame, int[] out, int shift, int bits, boolean signed) {
        int mask = (1 << bits) - 1;
        int signBit = 1 << (bits - 1);
        for (int i = 0; i < out.length; i++) {
            int v = (((frame[2 * i] & 0xFF) | ((frame[2 * i + 1] & 0xFF) << 8)) >>> shift) & mask;
            out[i] = signed && (v & signBit) != 0 ? v - (1 << bits) : v;
        }
    }

    private static void expandYbr422(byte[] frame, PixelDescription d, int[] out) {
        int columns = d.columns();
        int need = d.rows() * ((columns + 1) / 2) * 4;
        if (frame.length < need) {
            throw new DicomException("YBR_FULL_422 frame holds " + frame.length + " bytes, " + need + " needed");
        }
        int src = 0;
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < columns; c += 2) {
                int y1 = frame[src] & 0xFF;
                int y2 = frame[src + 1] & 0xFF;
                int cb = frame[src + 2] & 0xFF;
                int cr = frame[src + 3] & 0xFF;
                src += 4;
                int p = r * columns + c;
                out[3 * p] = y1;
                out[3 * p + 1] = cb;
                out[3 * p + 2] = cr;
                if (c + 1 < columns) {
                    out[3 * p + 3] = y2;
                    out[3 * p + 4] = cb;
                    out[3 * p + 5] = cr;
                }
            }
        }
    }

    /** Packs samples into native little-endian bytes of the given allocation (8, 16 or 32 bits). */
    static byte[] toNativeBytes(int[] samples, int bitsAllocated) {
        int size = bitsAllocated <= 8 ? 1 : bitsAllocated <= 16 ? 2 : 4;
        byte[] out = new byte[samples.length * size];
        for (int i = 0; i < samples.length; i++) {
            int v = samples[i];
            for (int k = 0; k < size; k++) {
                out[i * size + k] = (byte) (v >>> (8 * k));
            }
        }
        return out;
    }
}

package io.delineo.dicom.pixel;

import io.delineo.dicom.DicomException;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UnsupportedTransferSyntaxException;

import java.util.Optional;

/**
 * Checks at ingest that every frame of encapsulated pixel data can be served: the fragments and offset tables
 * locate each frame, and each frame decodes (RLE, JPEG, JPEG 2000) to the size the data set describes. Codestreams
 * Java cannot decode here (JPEG-LS, HTJ2K, JPEG 2000 Part 2, 12-bit DCT JPEG) are checked by their markers, so that
 * JPEG bytes labelled RLE or garbage labelled JPEG 2000 are refused before anything is stored.
 */
public final class FrameCheck {
    private FrameCheck() {
    }

    /** Empty when every frame can be served; otherwise why not, naming the frame (1-based). */
    public static Optional<String> problem(PixelData pixels) {
        TransferSyntax ts = pixels.transferSyntax();
        if (!pixels.isEncapsulated()) return Optional.empty();
        int frames = pixels.frameCount();
        for (int f = 0; f < frames; f++) {
            String frame = "frame " + (f + 1) + " of " + frames;
            byte[] encoded;
            try {
                encoded = pixels.encodedFrame(f);
            } catch (DicomException | IndexOutOfBoundsException e) {
                return Optional.of("the encapsulated pixel data cannot be split into frames: " + e.getMessage());
            }
            if (encoded.length == 0) return Optional.of(frame + " is empty");
            Optional<String> markers = markerProblem(ts, encoded);
            if (markers.isPresent()) return Optional.of(frame + " is not " + ts.name() + ": " + markers.get());
            if (ts.decoder() == TransferSyntax.PixelDecoding.NONE) continue;
            try {
                DecodedFrame decoded = pixels.decode(f);
                long expected = (long) decoded.description().nativeFrameBytes();
                if (decoded.bytes().length < expected) {
                    return Optional.of(frame + " decodes to " + decoded.bytes().length + " bytes; "
                            + describe(pixels.description()) + " need " + expected);
                }
            } catch (UnsupportedTransferSyntaxException e) {
                // e.g. 12-bit DCT JPEG: the browser decodes it; its markers were checked above
            } catch (DicomException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
                // RLE is decoded by our own complete decoder: a failure is bad data. A JPEG or JPEG 2000 codestream
                // that is complete (ends in its end marker) may use features the Java codecs lack but the browser's
                // have (JPEG 2000 capabilities beyond Part 1, lenient JPEG segment handling): keep it; WADO answers
                // 422 for a server-side decompression and the viewer asks for the frame as stored
                if (ts.decoder() == TransferSyntax.PixelDecoding.RLE || !endsWithEndMarker(encoded)) {
                    return Optional.of(frame + " cannot be decoded as " + ts.name() + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** JPEG's EOI and JPEG 2000's EOC are both FFD9; a fragment may carry one byte of zero padding after it. */
    static boolean endsWithEndMarker(byte[] f) {
        int end = f.length;
        while (end > 2 && f[end - 1] == 0 && f.length - end < 2) end--;
        return end >= 4 && (f[end - 2] & 0xFF) == 0xFF && (f[end - 1] & 0xFF) == 0xD9;
    }

    private static String describe(PixelDescription d) {
        return d.rows() + " rows x " + d.columns() + " columns x " + d.samplesPerPixel() + " samples x "
                + d.bitsAllocated() + " bits";
    }

    /** Start-of-codestream markers and, for RLE, a segment table whose offsets lie inside the frame. */
    static Optional<String> markerProblem(TransferSyntax ts, byte[] f) {
        String uid = ts.uid();
        boolean jpegFamily = ts.decoder() == TransferSyntax.PixelDecoding.JPEG || uid.equals("1.2.840.10008.1.2.4.80")
                || uid.equals("1.2.840.10008.1.2.4.81");
        boolean j2kFamily = ts.decoder() == TransferSyntax.PixelDecoding.JPEG_2000 || uid.startsWith("1.2.840.10008.1.2.4.9")
                || uid.startsWith("1.2.840.10008.1.2.4.20");
        if (jpegFamily) {
            if (f.length < 4 || (f[0] & 0xFF) != 0xFF || (f[1] & 0xFF) != 0xD8) {
                return Optional.of("the frame does not start with a JPEG start-of-image marker (FFD8)");
            }
            boolean jpegLs = uid.equals("1.2.840.10008.1.2.4.80") || uid.equals("1.2.840.10008.1.2.4.81");
            if (jpegLs && indexOfMarker(f, 0xF7) < 0) {
                return Optional.of("no JPEG-LS start-of-frame marker (FFF7)");
            }
            return Optional.empty();
        }
        if (j2kFamily) {
            boolean codestream = f.length >= 4 && (f[0] & 0xFF) == 0xFF && (f[1] & 0xFF) == 0x4F
                    && (f[2] & 0xFF) == 0xFF && (f[3] & 0xFF) == 0x51;
            boolean jp2 = f.length >= 12 && f[4] == 'j' && f[5] == 'P' && f[6] == ' ' && f[7] == ' ';
            return codestream || jp2 ? Optional.empty()
                    : Optional.of("the frame does not start with a JPEG 2000 codestream (FF4F FF51) or JP2 header");
        }
        if (ts.decoder() == TransferSyntax.PixelDecoding.RLE) return rleProblem(f);
        return Optional.empty();
    }

    /** PS3.5 G.3.1: a 64-byte header of 1 to 15 segments, each offset after the header and inside the frame. */
    static Optional<String> rleProblem(byte[] f) {
        if (f.length < 64) return Optional.of("the RLE header needs 64 bytes, the frame has " + f.length);
        int segments = readLe(f, 0);
        if (segments < 1 || segments > 15) {
            return Optional.of("the RLE header names " + Integer.toUnsignedString(segments) + " segments (1 to 15)");
        }
        long previous = 63;
        for (int i = 0; i < segments; i++) {
            long offset = readLe(f, 4 + 4 * i) & 0xFFFFFFFFL;
            if (offset <= previous || offset >= f.length) {
                return Optional.of("RLE segment " + (i + 1) + " starts at " + offset + ", outside the frame's "
                        + f.length + " bytes or before the previous segment");
            }
            previous = offset;
        }
        return Optional.empty();
    }

    private static int indexOfMarker(byte[] f, int marker) {
        for (int i = 2; i + 1 < f.length; i++) {
            if ((f[i] & 0xFF) == 0xFF && (f[i + 1] & 0xFF) == marker) return i;
        }
        return -1;
    }

    private static int readLe(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}

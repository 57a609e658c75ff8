package io.delineo.dicom;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transfer syntaxes (PS3.5 10, PS3.6 A): how a data set and its pixel data are encoded. Unknown UIDs are accepted
 * as explicit VR little endian with encapsulated pixel data (PS3.5 A.4: every other syntax is of that form) and are
 * not decodable.
 *
 * @param uid          transfer syntax UID
 * @param name         registry name
 * @param explicitVr   whether data elements carry their VR
 * @param bigEndian    byte order of the data set (only the retired Explicit VR Big Endian)
 * @param deflated     whether the data set after the file meta information is deflate-compressed
 * @param encapsulated whether pixel data is a sequence of fragments (compressed frames)
 * @param decoder      which of our pixel decoders handles it; {@link PixelDecoding#NONE} when Java cannot decode it here
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian, boolean deflated,
                             boolean encapsulated, PixelDecoding decoder) {

    /** The pixel decoding paths available in this codec. */
    public enum PixelDecoding {
        NATIVE, ENCAPSULATED_NATIVE, RLE, JPEG, JPEG_2000, NONE
    }

    public TransferSyntax {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("transfer syntax UID must not be empty");
        }
    }

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = native_("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = native_("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = native_("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = native_("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false);
    public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED = compressed("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", PixelDecoding.ENCAPSULATED_NATIVE);
    public static final TransferSyntax JPEG_BASELINE = compressed("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", PixelDecoding.JPEG);
    /** Decodable when 8-bit; 12-bit JPEG Extended is refused at decode time (no Java decoder here). */
    public static final TransferSyntax JPEG_EXTENDED = compressed("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", PixelDecoding.JPEG);
    public static final TransferSyntax JPEG_LOSSLESS = compressed("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", PixelDecoding.JPEG);
    public static final TransferSyntax JPEG_LOSSLESS_SV1 = compressed("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", PixelDecoding.JPEG);
    public static final TransferSyntax JPEG_LS_LOSSLESS = compressed("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", PixelDecoding.NONE);
    public static final TransferSyntax JPEG_LS_NEAR_LOSSLESS = compressed("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", PixelDecoding.NONE);
    public static final TransferSyntax JPEG_2000_LOSSLESS = compressed("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", PixelDecoding.JPEG_2000);
    public static final TransferSyntax JPEG_2000 = compressed("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", PixelDecoding.JPEG_2000);
    public static final TransferSyntax JPEG_2000_PART2_LOSSLESS = compressed("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)", PixelDecoding.NONE);
    public static final TransferSyntax JPEG_2000_PART2 = compressed("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", PixelDecoding.NONE);
    public static final TransferSyntax MPEG2_MAIN_PROFILE = compressed("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", PixelDecoding.NONE);
    public static final TransferSyntax MPEG4_AVC_HIGH_PROFILE = compressed("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", PixelDecoding.NONE);
    public static final TransferSyntax HEVC_MAIN_PROFILE = compressed("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", PixelDecoding.NONE);
    public static final TransferSyntax HTJ2K_LOSSLESS = compressed("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", PixelDecoding.NONE);
    public static final TransferSyntax HTJ2K_LOSSLESS_RPCL = compressed("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", PixelDecoding.NONE);
    public static final TransferSyntax HTJ2K = compressed("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", PixelDecoding.NONE);
    public static final TransferSyntax RLE_LOSSLESS = compressed("1.2.840.10008.1.2.5", "RLE Lossless", PixelDecoding.RLE);

    private static final Map<String, TransferSyntax> KNOWN = new LinkedHashMap<>();

    static {
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
                DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN, ENCAPSULATED_UNCOMPRESSED, JPEG_BASELINE,
                JPEG_EXTENDED, JPEG_LOSSLESS, JPEG_LOSSLESS_SV1, JPEG_LS_LOSSLESS, JPEG_LS_NEAR_LOSSLESS,
                JPEG_2000_LOSSLESS, JPEG_2000, JPEG_2000_PART2_LOSSLESS, JPEG_2000_PART2, MPEG2_MAIN_PROFILE,
                MPEG4_AVC_HIGH_PROFILE, HEVC_MAIN_PROFILE, HTJ2K_LOSSLESS, HTJ2K_LOSSLESS_RPCL, HTJ2K, RLE_LOSSLESS}) {
            KNOWN.put(ts.uid(), ts);
        }
    }

    private static TransferSyntax native_(String uid, String name, boolean explicit, boolean bigEndian, boolean deflated) {
        return new TransferSyntax(uid, name, explicit, bigEndian, deflated, false, PixelDecoding.NATIVE);
    }

    private static TransferSyntax compressed(String uid, String name, PixelDecoding decoder) {
        return new TransferSyntax(uid, name, true, false, false, true, decoder);
    }

    /** The syntax for a UID; unknown UIDs become a non-decodable explicit VR LE encapsulated syntax. */
    public static TransferSyntax of(String uid) {
        String trimmed = uid == null ? "" : uid.trim();
        TransferSyntax known = KNOWN.get(trimmed);
        if (known != null) {
            return known;
        }
        return new TransferSyntax(trimmed.isEmpty() ? "?" : trimmed, "Unknown transfer syntax " + trimmed, true, false,
                false, true, PixelDecoding.NONE);
    }

    public static boolean isKnown(String uid) {
        return uid != null && KNOWN.containsKey(uid.trim());
    }

    public static Collection<TransferSyntax> known() {
        return KNOWN.values();
    }

    /** Whether this codec can turn the pixel data into numbers in Java (12-bit JPEG Extended is refused later). */
    public boolean canDecodePixelsInJava() {
        return decoder != PixelDecoding.NONE;
    }

    @Override
    public String toString() {
        return name + " (" + uid + ")";
    }
}

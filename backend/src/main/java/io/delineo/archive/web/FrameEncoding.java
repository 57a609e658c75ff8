package io.delineo.archive.web;

import io.delineo.dicom.TransferSyntax;

/** The part Content-Type of a frame in a given transfer syntax (PS3.18 8.7.3, Table 8.7.3-2). */
final class FrameEncoding {
    static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";

    private FrameEncoding() {
    }

    static String contentType(String transferSyntaxUid) {
        return mediaType(transferSyntaxUid) + "; transfer-syntax=" + transferSyntaxUid;
    }

    static String mediaType(String ts) {
        return switch (ts) {
            case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                 "1.2.840.10008.1.2.4.70" -> "image/jpeg";
            case "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81" -> "image/jls";
            case "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91" -> "image/jp2";
            case "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93" -> "image/jpx";
            case "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203" -> "image/jphc";
            default -> "application/octet-stream";
        };
    }

    /** Native (uncompressed, not encapsulated) syntaxes: their frames are served as explicit VR little endian. */
    static boolean isNative(String ts) {
        return !TransferSyntax.of(ts).encapsulated();
    }
}

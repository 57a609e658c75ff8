package io.delineo.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-assembles DICOM byte streams for unit tests (element by element, either byte order). */
public final class ByteBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    public ByteBuilder(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    public static ByteBuilder le() {
        return new ByteBuilder(false);
    }

    public static ByteBuilder be() {
        return new ByteBuilder(true);
    }

    public ByteBuilder u16(int v) {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    public ByteBuilder u32(long v) {
        if (bigEndian) {
            u16((int) (v >>> 16));
            u16((int) v);
        } else {
            u16((int) v);
            u16((int) (v >>> 16));
        }
        return this;
    }

    public ByteBuilder tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    public ByteBuilder bytes(byte... b) {
        out.writeBytes(b);
        return this;
    }

    public ByteBuilder ascii(String s) {
        return bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Explicit VR element with a short (16-bit) or long (32-bit) length per the VR. */
    public ByteBuilder explicit(int tag, String vr, byte[] value) {
        tag(tag).ascii(vr);
        if (VR.fromCode(vr).hasLongLength()) {
            u16(0).u32(value.length);
        } else {
            u16(value.length);
        }
        return bytes(value);
    }

    public ByteBuilder explicit(int tag, String vr, String value) {
        return explicit(tag, vr, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    public ByteBuilder implicit(int tag, byte[] value) {
        return tag(tag).u32(value.length).bytes(value);
    }

    public ByteBuilder implicit(int tag, String value) {
        return implicit(tag, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Preamble, DICM and a minimal file meta group naming the transfer syntax (always explicit VR LE). */
    public static byte[] part10(String transferSyntaxUid, byte[] dataset) {
        ByteBuilder meta = le();
        String ts = transferSyntaxUid.length() % 2 == 1 ? transferSyntaxUid + "\0" : transferSyntaxUid;
        meta.explicit(Tags.TransferSyntaxUID, "UI", ts);
        byte[] metaBytes = meta.toByteArray();
        ByteBuilder file = le().bytes(new byte[128]).ascii("DICM");
        file.explicit(Tags.FileMetaInformationGroupLength, "UL", le().u32(metaBytes.length).toByteArray());
        return file.bytes(metaBytes).bytes(dataset).toByteArray();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}

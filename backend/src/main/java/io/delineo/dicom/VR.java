package io.delineo.dicom;

/** DICOM value representations (PS3.5 6.2) with the facts the codec needs about each. */
public enum VR {
    AE(Kind.STRINGS, 0, false, ' ', false),
    AS(Kind.STRINGS, 0, false, ' ', false),
    AT(Kind.BINARY, 2, false, 0, false),
    CS(Kind.STRINGS, 0, false, ' ', false),
    DA(Kind.STRINGS, 0, false, ' ', false),
    DS(Kind.STRINGS, 0, false, ' ', false),
    DT(Kind.STRINGS, 0, false, ' ', false),
    FD(Kind.BINARY, 8, false, 0, false),
    FL(Kind.BINARY, 4, false, 0, false),
    IS(Kind.STRINGS, 0, false, ' ', false),
    LO(Kind.STRINGS, 0, false, ' ', true),
    LT(Kind.TEXT, 0, false, ' ', true),
    OB(Kind.BULK, 1, true, 0, false),
    OD(Kind.BULK, 8, true, 0, false),
    OF(Kind.BULK, 4, true, 0, false),
    OL(Kind.BULK, 4, true, 0, false),
    OV(Kind.BULK, 8, true, 0, false),
    OW(Kind.BULK, 2, true, 0, false),
    PN(Kind.STRINGS, 0, false, ' ', true),
    SH(Kind.STRINGS, 0, false, ' ', true),
    SL(Kind.BINARY, 4, false, 0, false),
    SQ(Kind.SEQUENCE, 0, true, 0, false),
    SS(Kind.BINARY, 2, false, 0, false),
    ST(Kind.TEXT, 0, false, ' ', true),
    SV(Kind.BINARY, 8, true, 0, false),
    TM(Kind.STRINGS, 0, false, ' ', false),
    UC(Kind.STRINGS, 0, true, ' ', true),
    UI(Kind.STRINGS, 0, false, 0, false),
    UL(Kind.BINARY, 4, false, 0, false),
    UN(Kind.BULK, 1, true, 0, false),
    UR(Kind.TEXT, 0, true, ' ', false),
    US(Kind.BINARY, 2, false, 0, false),
    UT(Kind.TEXT, 0, true, ' ', true),
    UV(Kind.BINARY, 8, true, 0, false);

    /** How values of a VR are held and split. */
    public enum Kind {
        /** Character strings, several values separated by a backslash. */
        STRINGS,
        /** A single free-text value; a backslash is an ordinary character. */
        TEXT,
        /** Fixed-size binary numbers (possibly several). */
        BINARY,
        /** Other-byte/word/... bulk data, opaque to the codec. */
        BULK,
        SEQUENCE
    }

    private final Kind kind;
    private final int unitSize;
    private final boolean longLength;
    private final byte padding;
    private final boolean charsetSensitive;

    VR(Kind kind, int unitSize, boolean longLength, int padding, boolean charsetSensitive) {
        this.kind = kind;
        this.unitSize = unitSize;
        this.longLength = longLength;
        this.padding = (byte) padding;
        this.charsetSensitive = charsetSensitive;
    }

    public Kind kind() {
        return kind;
    }

    /** Byte size of one binary value (for byte swapping); 0 for strings and sequences, 1 for OB/UN. */
    public int unitSize() {
        return unitSize;
    }

    /** In explicit VR encodings, whether the header has 2 reserved bytes and a 32-bit length. */
    public boolean hasLongLength() {
        return longLength;
    }

    /** Byte used to pad a value to even length (space for text, NUL for UI and binary). */
    public byte paddingByte() {
        return padding;
    }

    /** Whether (0008,0005) Specific Character Set applies to the values. */
    public boolean isCharsetSensitive() {
        return charsetSensitive;
    }

    public boolean isString() {
        return kind == Kind.STRINGS || kind == Kind.TEXT;
    }

    /** Parses a two-letter VR code; returns null when the two bytes are not a known VR. */
    public static VR fromCode(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_CODE[(first - 'A') * 26 + (second - 'A')];
    }

    public static VR fromCode(String code) {
        if (code == null || code.length() != 2) {
            return null;
        }
        return fromCode(code.charAt(0), code.charAt(1));
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            String name = vr.name();
            BY_CODE[(name.charAt(0) - 'A') * 26 + (name.charAt(1) - 'A')] = vr;
        }
    }
}

package io.delineo.dicom;

/** Helpers for DICOM tags held as an {@code int}: group in the high 16 bits, element in the low 16 bits. */
public final class Tag {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tag() {
    }

    public static int of(int group, int element) {
        if (group < 0 || group > 0xFFFF || element < 0 || element > 0xFFFF) {
            throw new IllegalArgumentException("group and element must be 16-bit values: " + group + ", " + element);
        }
        return (group << 16) | element;
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Private data elements live in odd groups (except the reserved groups 0001, 0003, 0005, 0007, FFFF). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) == 1 && group > 0x0008 && group != 0xFFFF;
    }

    /** (gggg,0010)-(gggg,00FF) in a private group reserve a block and are always LO. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    public static boolean isDelimiterOrItem(int tag) {
        return tag == ITEM || tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }

    /** Formats as (GGGG,EEEE). */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }

    /** Formats as GGGGEEEE, the form used by the DICOM JSON model. */
    public static String toHex(int tag) {
        // hot in DICOM JSON output: String.format cost more than the rest of the metadata encoding
        char[] c = new char[8];
        for (int i = 7; i >= 0; i--, tag >>>= 4) c[i] = HEX_DIGITS[tag & 0xF];
        return new String(c);
    }

    /** Parses "GGGGEEEE", "(GGGG,EEEE)" or "GGGG,EEEE". */
    public static int parse(String text) {
        String hex = text.replace("(", "").replace(")", "").replace(",", "").trim();
        if (hex.length() != 8) {
            throw new IllegalArgumentException("not a DICOM tag: '" + text + "'");
        }
        try {
            return (int) Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a DICOM tag: '" + text + "'", e);
        }
    }

    /** Orders tags as unsigned numbers, the order of a DICOM data set. */
    public static int compare(int a, int b) {
        return Integer.compareUnsigned(a, b);
    }
}

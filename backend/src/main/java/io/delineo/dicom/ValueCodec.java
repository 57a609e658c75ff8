package io.delineo.dicom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Converts attribute values between their encoded bytes and Java strings and numbers, per VR. */
public final class ValueCodec {
    private static final String[] NO_STRINGS = new String[0];

    private ValueCodec() {
    }

    /** The whole value decoded as text (no splitting, no trimming). */
    public static String decodeText(byte[] bytes, VR vr, SpecificCharacterSet charset) {
        if (vr.isCharsetSensitive()) {
            return charset.decode(bytes);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * The values as strings: string VRs decoded, split on backslash (except LT, ST, UT, UR) and trimmed of their
     * insignificant spaces; binary numbers rendered in decimal (AT as GGGGEEEE); empty for bulk data and sequences.
     */
    public static String[] strings(Attribute a, SpecificCharacterSet charset) {
        VR vr = a.vr();
        switch (vr.kind()) {
            case STRINGS: {
                if (a.bytes().length == 0) {
                    return NO_STRINGS;
                }
                String text = decodeText(a.bytes(), vr, charset);
                String[] parts = text.split("\\\\", -1);
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = trim(parts[i], vr);
                }
                return parts;
            }
            case TEXT:
                if (a.bytes().length == 0) {
                    return NO_STRINGS;
                }
                return new String[] {trim(decodeText(a.bytes(), vr, charset), vr)};
            case BINARY: {
                if (vr == VR.FL || vr == VR.FD) {
                    double[] d = doubles(a);
                    String[] out = new String[d.length];
                    for (int i = 0; i < d.length; i++) {
                        out[i] = vr == VR.FL ? Float.toString((float) d[i]) : Double.toString(d[i]);
                    }
                    return out;
                }
                long[] l = longs(a);
                String[] out = new String[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = vr == VR.AT ? Tag.toHex((int) l[i])
                            : vr == VR.UV ? Long.toUnsignedString(l[i]) : Long.toString(l[i]);
                }
                return out;
            }
            default:
                return NO_STRINGS;
        }
    }

    /** Removes the padding and the spaces the standard declares insignificant for the VR. */
    public static String trim(String value, VR vr) {
        int start = 0;
        int end = value.length();
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        switch (vr) {
            case AE, AS, CS, DA, DS, DT, IS, LO, SH, TM, UI:
                while (start < end && (value.charAt(start) == ' ')) {
                    start++;
                }
                break;
            default:
                break;
        }
        return value.substring(start, end);
    }

    /** Integer values: binary integer VRs (US, SS, UL, SL, SV, UV, AT, OW, OL, OV, OB, UN) and IS / DS strings. */
    public static long[] longs(Attribute a) {
        VR vr = a.vr();
        byte[] b = a.bytes();
        if (vr.isString()) {
            String[] s = strings(a, SpecificCharacterSet.DEFAULT);
            List<Long> out = new ArrayList<>();
            for (String v : s) {
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    if (vr == VR.DS) {
                        out.add((long) Double.parseDouble(v));
                    } else {
                        out.add(Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
                    }
                } catch (NumberFormatException e) {
                    throw new DicomException("value '" + v + "' of " + Tag.toString(a.tag()) + " is not a valid " + vr);
                }
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        }
        if (b == null) {
            return new long[0];
        }
        switch (vr) {
            case US, OW: {
                long[] out = new long[b.length / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ByteOrderUtil.readShort(b, 2 * i, false);
                }
                return out;
            }
            case SS: {
                long[] out = new long[b.length / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (short) ByteOrderUtil.readShort(b, 2 * i, false);
                }
                return out;
            }
            case UL, OL: {
                long[] out = new long[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ByteOrderUtil.readInt(b, 4 * i, false) & 0xFFFFFFFFL;
                }
                return out;
            }
            case SL: {
                long[] out = new long[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ByteOrderUtil.readInt(b, 4 * i, false);
                }
                return out;
            }
            case AT: {
                long[] out = new long[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    int group = ByteOrderUtil.readShort(b, 4 * i, false);
                    int element = ByteOrderUtil.readShort(b, 4 * i + 2, false);
                    out[i] = ((long) group << 16) | element;
                }
                return out;
            }
            case SV, UV, OV: {
                long[] out = new long[b.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ByteOrderUtil.readLong(b, 8 * i, false);
                }
                return out;
            }
            case OB, UN: {
                long[] out = new long[b.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b[i] & 0xFF;
                }
                return out;
            }
            case FL, FD, OF, OD: {
                double[] d = doubles(a);
                long[] out = new long[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[i] = (long) d[i];
                }
                return out;
            }
            default:
                throw new DicomException(Tag.toString(a.tag()) + " with VR " + vr + " has no integer values");
        }
    }

    /** Floating-point values: FL, FD, OF, OD, DS, IS and every integer VR. */
    public static double[] doubles(Attribute a) {
        VR vr = a.vr();
        byte[] b = a.bytes();
        if (vr == VR.DS || vr == VR.IS) {
            String[] s = strings(a, SpecificCharacterSet.DEFAULT);
            List<Double> out = new ArrayList<>();
            for (String v : s) {
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw new DicomException("value '" + v + "' of " + Tag.toString(a.tag()) + " is not a valid " + vr);
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (vr == VR.FL || vr == VR.OF) {
            double[] out = new double[b.length / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = Float.intBitsToFloat(ByteOrderUtil.readInt(b, 4 * i, false));
            }
            return out;
        }
        if (vr == VR.FD || vr == VR.OD) {
            double[] out = new double[b.length / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.longBitsToDouble(ByteOrderUtil.readLong(b, 8 * i, false));
            }
            return out;
        }
        long[] l = longs(a);
        double[] out = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = vr == VR.UV ? Double.parseDouble(Long.toUnsignedString(l[i])) : l[i];
        }
        return out;
    }

    /** Encodes string values: joined with backslash (single value for LT, ST, UT, UR) and padded to even length. */
    public static byte[] encodeStrings(VR vr, SpecificCharacterSet charset, String... values) {
        if (!vr.isString()) {
            throw new IllegalArgumentException(vr + " is not a string VR");
        }
        if (vr.kind() == VR.Kind.TEXT && values.length > 1) {
            throw new IllegalArgumentException(vr + " holds a single value; got " + values.length);
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i];
            if (vr.kind() == VR.Kind.STRINGS && v.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("a " + vr + " value must not contain a backslash: '" + v + "'");
            }
            if (i > 0) {
                joined.append('\\');
            }
            joined.append(v);
        }
        byte[] raw;
        if (vr.isCharsetSensitive()) {
            raw = charset.encode(joined.toString());
        } else {
            String text = joined.toString();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0x7E || text.charAt(i) < 0x20 && vr.kind() == VR.Kind.STRINGS) {
                    throw new IllegalArgumentException(vr + " allows only the default (ASCII) repertoire: '" + text + "'");
                }
            }
            raw = text.getBytes(StandardCharsets.US_ASCII);
        }
        return padToEven(raw, vr.paddingByte());
    }

    /** Encodes integers for a binary integer VR, or as IS / DS text. */
    public static byte[] encodeLongs(VR vr, long... values) {
        switch (vr) {
            case US, SS, OW: {
                byte[] b = new byte[2 * values.length];
                for (int i = 0; i < values.length; i++) {
                    checkRange(vr, values[i], vr == VR.SS ? Short.MIN_VALUE : 0, vr == VR.SS ? Short.MAX_VALUE : 0xFFFF);
                    ByteOrderUtil.writeShort(b, 2 * i, (int) values[i]);
                }
                return b;
            }
            case UL, SL, OL: {
                byte[] b = new byte[4 * values.length];
                for (int i = 0; i < values.length; i++) {
                    checkRange(vr, values[i], vr == VR.SL ? Integer.MIN_VALUE : 0, vr == VR.SL ? Integer.MAX_VALUE : 0xFFFFFFFFL);
                    ByteOrderUtil.writeInt(b, 4 * i, (int) values[i]);
                }
                return b;
            }
            case AT: {
                byte[] b = new byte[4 * values.length];
                for (int i = 0; i < values.length; i++) {
                    ByteOrderUtil.writeShort(b, 4 * i, (int) (values[i] >>> 16));
                    ByteOrderUtil.writeShort(b, 4 * i + 2, (int) values[i]);
                }
                return b;
            }
            case SV, UV, OV: {
                byte[] b = new byte[8 * values.length];
                for (int i = 0; i < values.length; i++) {
                    ByteOrderUtil.writeLong(b, 8 * i, values[i]);
                }
                return b;
            }
            case IS, DS: {
                String[] s = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    s[i] = Long.toString(values[i]);
                    if (s[i].length() > (vr == VR.IS ? 12 : 16)) {
                        throw new IllegalArgumentException(values[i] + " does not fit in " + vr);
                    }
                }
                return encodeStrings(vr, SpecificCharacterSet.DEFAULT, s);
            }
            case FL, FD, OF, OD: {
                double[] d = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    d[i] = values[i];
                }
                return encodeDoubles(vr, d);
            }
            default:
                throw new IllegalArgumentException("cannot store integers in VR " + vr);
        }
    }

    /** Encodes reals for FL, FD, OF, OD (binary) or DS (text, at most 16 characters each). */
    public static byte[] encodeDoubles(VR vr, double... values) {
        switch (vr) {
            case FL, OF: {
                byte[] b = new byte[4 * values.length];
                for (int i = 0; i < values.length; i++) {
                    ByteOrderUtil.writeInt(b, 4 * i, Float.floatToIntBits((float) values[i]));
                }
                return b;
            }
            case FD, OD: {
                byte[] b = new byte[8 * values.length];
                for (int i = 0; i < values.length; i++) {
                    ByteOrderUtil.writeLong(b, 8 * i, Double.doubleToLongBits(values[i]));
                }
                return b;
            }
            case DS: {
                String[] s = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    s[i] = formatDecimalString(values[i]);
                }
                return encodeStrings(vr, SpecificCharacterSet.DEFAULT, s);
            }
            default:
                long[] l = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != Math.rint(values[i])) {
                        throw new IllegalArgumentException(values[i] + " is not an integer, as " + vr + " requires");
                    }
                    l[i] = (long) values[i];
                }
                return encodeLongs(vr, l);
        }
    }

    /** Shortest faithful DS text of at most 16 characters (PS3.5 6.2). */
    public static String formatDecimalString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("DS cannot hold " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String plain = Double.toString(value);
        if (plain.length() <= 16) {
            return plain;
        }
        for (int precision = 16; precision > 0; precision--) {
            String text = new BigDecimal(value).round(new MathContext(precision)).stripTrailingZeros().toString();
            if (text.length() <= 16) {
                return text;
            }
        }
        throw new IllegalArgumentException("cannot format " + value + " as DS");
    }

    static byte[] padToEven(byte[] raw, byte padding) {
        if (raw.length % 2 == 0) {
            return raw;
        }
        byte[] padded = new byte[raw.length + 1];
        System.arraycopy(raw, 0, padded, 0, raw.length);
        padded[raw.length] = padding;
        return padded;
    }

    private static void checkRange(VR vr, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range for " + vr + " [" + min + ", " + max + "]");
        }
    }
}

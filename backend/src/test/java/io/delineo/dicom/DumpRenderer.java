package io.delineo.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens our parsed model into the rows of the dcmdump golden format (see make_dcmdump_goldens.py): path, VR,
 * length and the value printed the way dcmdump prints it. Text values are kept whole here; the comparison
 * normalises padding on both sides.
 */
public final class DumpRenderer {
    public record Row(String path, String vr, String length, String value, Attribute attribute, SpecificCharacterSet charset) {
    }

    private final boolean rawText;

    /** @param rawText render text as raw bytes (ISO 8859-1) instead of decoding it (for files dcmtk could not convert) */
    public DumpRenderer(boolean rawText) {
        this.rawText = rawText;
    }

    public Map<String, Row> rows(DicomFile file) {
        Map<String, Row> out = new LinkedHashMap<>();
        flatten(file.fileMeta(), "", out);
        flatten(file.dataset(), "", out);
        return out;
    }

    private void flatten(Dataset ds, String prefix, Map<String, Row> out) {
        for (Attribute a : ds) {
            String path = prefix + Tag.toHex(a.tag());
            if (a.isSequence()) {
                out.put(path, new Row(path, "SQ", "", Integer.toString(a.sequence().size()), a, null));
                int i = 0;
                for (Dataset item : a.sequence()) {
                    String itemPath = path + "/" + i++;
                    out.put(itemPath, new Row(itemPath, "item", "", "", null, null));
                    flatten(item, itemPath + "/", out);
                }
            } else if (a.isEncapsulated()) {
                Fragments f = a.fragments();
                out.put(path, new Row(path, a.vr().name(), "u/l", "fragments=" + (f.size() + 1), a, null));
                out.put(path + "/f0", new Row(path + "/f0", "pi", Integer.toString(f.basicOffsetTable().length),
                        hexBytes(f.basicOffsetTable()), null, null));
                for (int i = 0; i < f.size(); i++) {
                    String fp = path + "/f" + (i + 1);
                    out.put(fp, new Row(fp, "pi", Integer.toString(f.get(i).length), hexBytes(f.get(i)), null, null));
                }
            } else {
                SpecificCharacterSet cs = a.vr().isCharsetSensitive() ? ds.characterSet() : SpecificCharacterSet.DEFAULT;
                out.put(path, new Row(path, a.vr().name(), Integer.toString(a.bytes().length), render(a, cs), a, cs));
            }
        }
    }

    String render(Attribute a, SpecificCharacterSet cs) {
        byte[] b = a.bytes();
        switch (a.vr()) {
            case OB, UN:
                return hexBytes(b);
            case OW:
                return hexWords(b, 2);
            case OL:
                return hexWords(b, 4);
            case OV:
                return hexWords(b, 8);
            case AT: {
                StringBuilder s = new StringBuilder();
                for (long t : ValueCodec.longs(a)) {
                    if (s.length() > 0) {
                        s.append('\\');
                    }
                    s.append(String.format("(%04x,%04x)", (t >>> 16) & 0xFFFF, t & 0xFFFF));
                }
                return s.toString();
            }
            case FL, FD, OF, OD:
                return join(ValueCodec.doubles(a));
            case US, SS, UL, SL, SV, UV:
                return String.join("\\", ValueCodec.strings(a, cs));
            default:
                return rawText && a.vr().isCharsetSensitive() ? new String(b, StandardCharsets.ISO_8859_1)
                        : ValueCodec.decodeText(b, a.vr(), cs);
        }
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            if (s.length() > 0) {
                s.append('\\');
            }
            s.append(v);
        }
        return s.toString();
    }

    public static String hexBytes(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                s.append('\\');
            }
            s.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return s.toString();
    }

    private static String hexWords(byte[] b, int size) {
        StringBuilder s = new StringBuilder(b.length * 3);
        for (int i = 0; i + size <= b.length; i += size) {
            if (i > 0) {
                s.append('\\');
            }
            for (int k = size - 1; k >= 0; k--) {
                s.append(Character.forDigit((b[i + k] >> 4) & 0xF, 16)).append(Character.forDigit(b[i + k] & 0xF, 16));
            }
        }
        return s.toString();
    }

    /** The golden form of a printed value: hashed when long, control characters escaped. */
    public static String goldenForm(String printed, String vr, Charset charset) {
        boolean floats = vr.equals("FL") || vr.equals("FD") || vr.equals("OF") || vr.equals("OD");
        if (printed.length() > 256 && !floats) {
            return "sha256:" + sha256(printed.getBytes(charset));
        }
        StringBuilder s = new StringBuilder();
        for (char c : printed.toCharArray()) {
            if (c == '%' || c < 0x20 || c == 0x7F) {
                s.append('%').append(String.format("%02X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

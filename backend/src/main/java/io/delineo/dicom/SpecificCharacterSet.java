package io.delineo.dicom;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Decodes and encodes text of the character-set sensitive VRs (SH, LO, UC, ST, LT, UT, PN) per (0008,0005).
 * Single-byte ISO 8859 sets, JIS X 0201, TIS 620, UTF-8 (ISO_IR 192), GB18030 and GBK are supported. Code extension
 * (ISO 2022) terms are accepted while the text contains no escape sequence (then the first term's set applies);
 * text with ISO 2022 escape sequences is refused with {@link UnsupportedCharacterSetException}.
 * Without (0008,0005) the default repertoire is ASCII; bytes above 0x7F that some writers leave there are read as
 * ISO 8859-1 rather than dropped.
 */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of(), StandardCharsets.ISO_8859_1, false, true);
    public static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(List.of("ISO_IR 192"), StandardCharsets.UTF_8, false, false);

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 6", "US-ASCII"), Map.entry("ISO 2022 IR 6", "US-ASCII"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 13", "JIS_X0201"), Map.entry("ISO 2022 IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 166", "x-iso-8859-11"), Map.entry("ISO 2022 IR 166", "x-iso-8859-11"),
            Map.entry("ISO 2022 IR 87", "ISO-2022-JP"), Map.entry("ISO 2022 IR 159", "ISO-2022-JP"),
            Map.entry("ISO 2022 IR 149", "ISO-2022-KR"), Map.entry("ISO 2022 IR 58", "ISO-2022-CN"),
            Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private final List<String> terms;
    private final Charset charset;
    private final boolean codeExtensions;
    private final boolean isDefault;

    private SpecificCharacterSet(List<String> terms, Charset charset, boolean codeExtensions, boolean isDefault) {
        this.terms = List.copyOf(terms);
        this.charset = charset;
        this.codeExtensions = codeExtensions;
        this.isDefault = isDefault;
    }

    /** From the values of (0008,0005); an absent or empty first value means the default repertoire. */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        String first = values[0] == null ? "" : values[0].trim();
        boolean extensions = values.length > 1 || first.startsWith("ISO 2022");
        for (String v : values) {
            String term = v == null ? "" : v.trim();
            if (!term.isEmpty() && !JAVA_NAMES.containsKey(term)) {
                throw new UnsupportedCharacterSetException("unsupported Specific Character Set (0008,0005) term '" + term
                        + "'; supported: ISO_IR 6/100/101/109/110/126/127/138/144/148/166/203/13, ISO_IR 192, GB18030, GBK"
                        + " and their ISO 2022 forms without escape sequences");
            }
        }
        if (first.isEmpty() && !extensions) {
            return DEFAULT;
        }
        // multi-byte ISO 2022 sets are only reached through escape sequences, which decode() refuses
        Charset base = first.isEmpty() || first.endsWith(" 87") || first.endsWith(" 159") || first.endsWith(" 149")
                || first.endsWith(" 58") ? StandardCharsets.ISO_8859_1 : Charset.forName(JAVA_NAMES.get(first));
        return new SpecificCharacterSet(List.of(values), base, extensions, false);
    }

    public List<String> terms() {
        return terms;
    }

    public boolean isDefault() {
        return isDefault;
    }

    /** Decodes raw value bytes (without splitting into values). */
    public String decode(byte[] bytes, int offset, int length) {
        if (codeExtensions) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == 0x1B) {
                    throw new UnsupportedCharacterSetException("text uses ISO 2022 escape sequences (Specific Character Set "
                            + String.join("\\", terms) + "), which this codec does not decode");
                }
            }
        }
        return new String(bytes, offset, length, charset);
    }

    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Encodes text; throws IllegalArgumentException when the set cannot represent it (for example non-ASCII text
     * without (0008,0005): set it to ISO_IR 192).
     */
    public byte[] encode(String text) {
        Charset target = isDefault ? StandardCharsets.US_ASCII : charset;
        CharsetEncoder encoder = target.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text '" + text + "' cannot be encoded in Specific Character Set '"
                    + (isDefault ? "default (ASCII)" : String.join("\\", terms))
                    + "'; set (0008,0005) Specific Character Set to ISO_IR 192 (UTF-8)", e);
        }
    }

    public boolean canEncode(String text) {
        Charset target = isDefault ? StandardCharsets.US_ASCII : charset;
        return target.newEncoder().canEncode(text);
    }

    @Override
    public String toString() {
        return isDefault ? "default repertoire" : String.join("\\", terms);
    }
}

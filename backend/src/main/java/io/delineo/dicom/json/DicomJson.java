package io.delineo.dicom.json;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.SpecificCharacterSet;
import io.delineo.dicom.Tag;
import io.delineo.dicom.VR;
import io.delineo.dicom.ValueCodec;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The DICOM JSON model (PS3.18 F.2), both directions. Strings become JSON strings (empty values null), PN an object
 * with Alphabetic / Ideographic / Phonetic groups, IS / DS / binary numbers JSON numbers, AT "GGGGEEEE", sequences
 * arrays of objects, binary values InlineBinary (base64) or a BulkDataURI chosen by a {@link BulkDataUriMapper}.
 * Group length elements are left out.
 */
public final class DicomJson {
    private static final BigDecimal MAX_EXACT = BigDecimal.valueOf(1L << 53);

    private DicomJson() {
    }

    // ---------------------------------------------------------------- writing

    public static String toJson(Dataset dataset, BulkDataUriMapper bulk) {
        JsonWriter w = new JsonWriter();
        writeDataset(w, dataset, "", bulk);
        return w.toString();
    }

    /** A JSON array of data sets (the form of QIDO-RS and WADO-RS metadata responses). */
    public static String toJsonArray(List<Dataset> datasets, BulkDataUriMapper bulk) {
        JsonWriter w = new JsonWriter().beginArray();
        for (Dataset ds : datasets) {
            writeDataset(w, ds, "", bulk);
        }
        return w.endArray().toString();
    }

    private static void writeDataset(JsonWriter w, Dataset ds, String prefix, BulkDataUriMapper bulk) {
        w.beginObject();
        for (Attribute a : ds) {
            if (Tag.isGroupLength(a.tag())) {
                continue;
            }
            String path = prefix + Tag.toHex(a.tag());
            w.name(Tag.toHex(a.tag())).beginObject().name("vr").value(a.vr().name());
            writeValue(w, ds, a, path, bulk);
            w.endObject();
        }
        w.endObject();
    }

    private static void writeValue(JsonWriter w, Dataset ds, Attribute a, String path, BulkDataUriMapper bulk) {
        VR vr = a.vr();
        if (a.isSequence()) {
            if (a.sequence().isEmpty()) {
                return;
            }
            w.name("Value").beginArray();
            int i = 0;
            for (Dataset item : a.sequence()) {
                writeDataset(w, item, path + "/" + i++ + "/", bulk);
            }
            w.endArray();
            return;
        }
        if (a.isEncapsulated() || vr.kind() == VR.Kind.BULK) {
            if (!a.isEncapsulated() && a.bytes().length == 0) {
                return;
            }
            String uri = bulk.uriFor(path, a);
            if (uri != null) {
                w.name("BulkDataURI").value(uri);
            } else if (a.isEncapsulated()) {
                throw new DicomException("encapsulated pixel data " + path + " cannot be inlined in DICOM JSON; "
                        + "map it to a BulkDataURI");
            } else {
                w.name("InlineBinary").value(Base64.getEncoder().encodeToString(a.bytes()));
            }
            return;
        }
        if (a.isEmpty()) {
            return;
        }
        SpecificCharacterSet cs = vr.isCharsetSensitive() ? ds.characterSet() : SpecificCharacterSet.DEFAULT;
        w.name("Value").beginArray();
        switch (vr) {
            case PN -> {
                for (String name : ValueCodec.strings(a, cs)) {
                    writePersonName(w, name);
                }
            }
            case IS, DS -> {
                for (String s : ValueCodec.strings(a, cs)) {
                    writeDecimal(w, s, a, vr);
                }
            }
            case AT -> {
                for (long t : ValueCodec.longs(a)) {
                    w.value(Tag.toHex((int) t));
                }
            }
            case FL, FD -> {
                for (double d : ValueCodec.doubles(a)) {
                    if (Double.isFinite(d)) {
                        w.rawNumber(vr == VR.FL ? Float.toString((float) d) : Double.toString(d));
                    } else {
                        w.value(Double.toString(d)); // NaN/Infinity have no JSON number form
                    }
                }
            }
            case US, SS, UL, SL, SV, UV -> {
                for (String s : ValueCodec.strings(a, cs)) {
                    BigDecimal n = new BigDecimal(s);
                    if (n.abs().compareTo(MAX_EXACT) > 0) {
                        w.value(s); // beyond 2^53 a JSON number loses precision in most readers
                    } else {
                        w.rawNumber(s);
                    }
                }
            }
            default -> {
                for (String s : ValueCodec.strings(a, cs)) {
                    if (s.isEmpty()) {
                        w.nullValue();
                    } else {
                        w.value(s);
                    }
                }
            }
        }
        w.endArray();
    }

    private static void writePersonName(JsonWriter w, String name) {
        if (name.isEmpty()) {
            w.nullValue();
            return;
        }
        String[] groups = name.split("=", -1);
        String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
        w.beginObject();
        for (int i = 0; i < Math.min(groups.length, 3); i++) {
            if (!groups[i].isEmpty()) {
                w.name(keys[i]).value(groups[i]);
            }
        }
        w.endObject();
    }

    /** IS / DS values become JSON numbers; text that is not a number is refused with the tag named. */
    private static void writeDecimal(JsonWriter w, String text, Attribute a, VR vr) {
        if (text.isEmpty()) {
            w.nullValue();
            return;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new DicomException("value '" + text + "' of " + Tag.toString(a.tag()) + " is not a valid " + vr
                    + " and has no DICOM JSON number form");
        }
        String token = text.startsWith("+") ? text.substring(1) : text;
        if (!token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            token = value.toString(); // e.g. ".5", "1.", "007" are valid DS/IS but not JSON numbers
            if (!token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                token = value.stripTrailingZeros().toPlainString();
            }
        }
        w.rawNumber(token);
    }

    // ---------------------------------------------------------------- reading

    public static Dataset fromJson(String json, BulkDataResolver bulk) {
        Object root = JsonParser.parse(json);
        if (!(root instanceof Map)) {
            throw new DicomException("invalid DICOM JSON: the top level must be an object");
        }
        return build(asObject(root, "data set"), bulk);
    }

    public static List<Dataset> fromJsonArray(String json, BulkDataResolver bulk) {
        Object root = JsonParser.parse(json);
        if (!(root instanceof List<?> list)) {
            throw new DicomException("invalid DICOM JSON: expected an array of data sets");
        }
        return list.stream().map(o -> build(asObject(o, "data set"), bulk)).toList();
    }

    /** Builds the data set; text the declared character set cannot hold makes the set ISO_IR 192 (UTF-8). */
    private static Dataset build(Map<String, Object> json, BulkDataResolver bulk) {
        try {
            Dataset ds = new Dataset();
            fill(ds, json, bulk);
            return ds;
        } catch (IllegalArgumentException notEncodable) {
            Dataset ds = new Dataset();
            ds.setSpecificCharacterSet("ISO_IR 192");
            Map<String, Object> withoutCharset = new java.util.LinkedHashMap<>(json);
            withoutCharset.remove("00080005");
            try {
                fill(ds, withoutCharset, bulk);
            } catch (IllegalArgumentException e) {
                throw new DicomException("invalid DICOM JSON value: " + e.getMessage(), e);
            }
            return ds;
        }
    }

    private static void fill(Dataset ds, Map<String, Object> json, BulkDataResolver bulk) {
        // (0008,0005) first, so the other text is encoded in it
        Object charset = json.get("00080005");
        if (charset != null) {
            put(ds, "00080005", charset, bulk);
        }
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (!e.getKey().equals("00080005")) {
                put(ds, e.getKey(), e.getValue(), bulk);
            }
        }
    }

    private static void put(Dataset ds, String key, Object element, BulkDataResolver bulk) {
        int tag;
        try {
            tag = Tag.parse(key);
        } catch (IllegalArgumentException e) {
            throw new DicomException("invalid DICOM JSON: '" + key + "' is not a tag");
        }
        Map<String, Object> attr = asObject(element, Tag.toString(tag));
        VR vr = VR.fromCode(String.valueOf(attr.get("vr")));
        if (vr == null) {
            throw new DicomException("invalid DICOM JSON: " + Tag.toString(tag) + " has no valid \"vr\"");
        }
        Object value = attr.get("Value");
        if (attr.containsKey("BulkDataURI")) {
            byte[] bytes = bulk.resolve(String.valueOf(attr.get("BulkDataURI")), tag, vr);
            if (bytes != null) {
                ds.setBytes(tag, vr, bytes);
            }
            return;
        }
        if (attr.containsKey("InlineBinary")) {
            try {
                ds.setBytes(tag, vr, Base64.getDecoder().decode(String.valueOf(attr.get("InlineBinary"))));
            } catch (IllegalArgumentException e) {
                throw new DicomException("invalid DICOM JSON: InlineBinary of " + Tag.toString(tag) + " is not base64");
            }
            return;
        }
        List<Object> values = value == null ? List.of() : asArray(value, Tag.toString(tag));
        try {
            putValues(ds, tag, vr, values, bulk);
        } catch (ClassCastException | NumberFormatException | ArithmeticException e) {
            throw new DicomException("invalid DICOM JSON value for " + Tag.toString(tag) + " (" + vr + "): " + e.getMessage());
        }
    }

    private static void putValues(Dataset ds, int tag, VR vr, List<Object> values, BulkDataResolver bulk) {
        switch (vr) {
            case SQ -> {
                var sequence = ds.newSequence(tag);
                for (Object item : values) {
                    fill(sequence.addItem(), asObject(item, Tag.toString(tag) + " item"), bulk);
                }
            }
            case PN -> {
                String[] names = new String[values.size()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = personName(values.get(i));
                }
                ds.setString(tag, vr, names);
            }
            case IS, DS -> {
                String[] texts = new String[values.size()];
                for (int i = 0; i < texts.length; i++) {
                    Object v = values.get(i);
                    texts[i] = v == null ? "" : vr == VR.IS ? new BigDecimal(v.toString()).toBigIntegerExact().toString()
                            : decimalText(v.toString());
                }
                ds.setString(tag, vr, texts);
            }
            case AT -> {
                long[] tags = new long[values.size()];
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = Tag.parse((String) values.get(i)) & 0xFFFFFFFFL;
                }
                ds.setLong(tag, vr, tags);
            }
            case FL, FD -> {
                double[] d = new double[values.size()];
                for (int i = 0; i < d.length; i++) {
                    Object v = values.get(i);
                    d[i] = Double.parseDouble(String.valueOf(v)); // numbers, or "NaN"/"Infinity" strings
                }
                ds.setDouble(tag, vr, d);
            }
            case US, SS, UL, SL, SV, UV -> {
                long[] l = new long[values.size()];
                for (int i = 0; i < l.length; i++) {
                    Object v = values.get(i);
                    l[i] = v instanceof JsonNumber n ? n.decimal().longValueExact() : Long.parseUnsignedLong(String.valueOf(v));
                }
                ds.setLong(tag, vr, l);
            }
            default -> {
                if (vr.kind() == VR.Kind.BULK) {
                    ds.setBytes(tag, vr, new byte[0]);
                    return;
                }
                String[] texts = new String[values.size()];
                for (int i = 0; i < texts.length; i++) {
                    Object v = values.get(i);
                    texts[i] = v == null ? "" : v.toString();
                }
                ds.setString(tag, vr, texts);
            }
        }
    }

    /** DS text for a JSON number: the JSON text when it fits 16 characters, else the shortest faithful form. */
    private static String decimalText(String token) {
        return token.length() <= 16 ? token : ValueCodec.formatDecimalString(Double.parseDouble(token));
    }

    private static String personName(Object value) {
        if (value == null) {
            return "";
        }
        Map<String, Object> groups = asObject(value, "PN");
        String[] parts = {text(groups.get("Alphabetic")), text(groups.get("Ideographic")), text(groups.get("Phonetic"))};
        int last = parts[2].isEmpty() ? parts[1].isEmpty() ? 0 : 1 : 2;
        StringBuilder s = new StringBuilder(parts[0]);
        for (int i = 1; i <= last; i++) {
            s.append('=').append(parts[i]);
        }
        return s.toString();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object o, String what) {
        if (o instanceof Map) {
            return (Map<String, Object>) o;
        }
        throw new DicomException("invalid DICOM JSON: " + what + " must be an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asArray(Object o, String what) {
        if (o instanceof List) {
            return (List<Object>) o;
        }
        throw new DicomException("invalid DICOM JSON: Value of " + what + " must be an array");
    }
}

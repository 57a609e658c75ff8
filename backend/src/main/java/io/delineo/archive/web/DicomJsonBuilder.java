package io.delineo.archive.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds small DICOM JSON (PS3.18 F.2) objects for responses the archive composes itself (QIDO, STOW). */
public final class DicomJsonBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode node = MAPPER.createObjectNode();

    public static String tag(int tag) {
        return io.delineo.dicom.Tag.toHex(tag);
    }

    public DicomJsonBuilder string(int tag, String vr, String value) {
        ObjectNode a = node.putObject(tag(tag));
        a.put("vr", vr);
        if (value != null && !value.isEmpty()) a.putArray("Value").add(value);
        return this;
    }

    /** Multi-valued strings stored backslash-separated (CS, DS lists). */
    public DicomJsonBuilder strings(int tag, String vr, String backslashSeparated) {
        ObjectNode a = node.putObject(tag(tag));
        a.put("vr", vr);
        if (backslashSeparated != null && !backslashSeparated.isEmpty()) {
            ArrayNode values = a.putArray("Value");
            for (String v : backslashSeparated.split("\\\\")) values.add(v);
        }
        return this;
    }

    public DicomJsonBuilder personName(int tag, String value) {
        ObjectNode a = node.putObject(tag(tag));
        a.put("vr", "PN");
        if (value != null && !value.isEmpty()) a.putArray("Value").addObject().put("Alphabetic", value);
        return this;
    }

    public DicomJsonBuilder integer(int tag, String vr, Number value) {
        ObjectNode a = node.putObject(tag(tag));
        a.put("vr", vr);
        if (value != null) a.putArray("Value").add(value.longValue());
        return this;
    }

    public DicomJsonBuilder decimals(int tag, double[] values) {
        ObjectNode a = node.putObject(tag(tag));
        a.put("vr", "DS");
        if (values != null) {
            ArrayNode arr = a.putArray("Value");
            for (double v : values) arr.add(v);
        }
        return this;
    }

    public DicomJsonBuilder decimal(int tag, Double value) {
        return decimals(tag, value == null ? null : new double[]{value});
    }

    public DicomJsonBuilder sequence(int tag, java.util.List<DicomJsonBuilder> items) {
        ObjectNode a = node.putObject(tag(tag));
        a.put("vr", "SQ");
        ArrayNode arr = a.putArray("Value");
        for (DicomJsonBuilder item : items) arr.add(item.node);
        return this;
    }

    /** Copies one attribute (by tag) from another DICOM JSON object, if present. */
    public DicomJsonBuilder copy(ObjectNode from, int tag) {
        String key = tag(tag);
        if (from.has(key)) node.set(key, from.get(key));
        return this;
    }

    public boolean has(int tag) {
        return node.has(tag(tag));
    }

    public ObjectNode node() {
        return node;
    }

    @Override
    public String toString() {
        return node.toString();
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored metadata is not valid JSON", e);
        }
    }

    public static String array(java.util.List<DicomJsonBuilder> objects) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (DicomJsonBuilder o : objects) arr.add(o.node);
        return arr.toString();
    }
}

package io.delineo.dicom;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * A DICOM data set (or sequence item): attributes in ascending tag order, with typed getters and fluent setters.
 * Items know their parent, so text in an item is decoded with the Specific Character Set in force there.
 * Setters without a VR take it from the data dictionary.
 */
public final class Dataset implements Iterable<Attribute> {
    private final Dataset parent;
    private final TreeMap<Integer, Attribute> attributes = new TreeMap<>(Tag::compare);

    public Dataset() {
        this(null);
    }

    Dataset(Dataset parent) {
        this.parent = parent;
    }

    /** The data set that holds the sequence this item belongs to; null for a top-level data set. */
    public Dataset parent() {
        return parent;
    }

    // ---- structure ----

    public Attribute get(int tag) {
        return attributes.get(tag);
    }

    public boolean contains(int tag) {
        return attributes.containsKey(tag);
    }

    public Attribute remove(int tag) {
        return attributes.remove(tag);
    }

    public int size() {
        return attributes.size();
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    public Collection<Attribute> attributes() {
        return Collections.unmodifiableCollection(attributes.values());
    }

    @Override
    public Iterator<Attribute> iterator() {
        return attributes().iterator();
    }

    /** Adds or replaces an attribute (not a sequence: use {@link #newSequence(int)}). */
    public Dataset put(Attribute attribute) {
        if (attribute.isSequence() && attribute.sequence().owner() != this) {
            throw new IllegalArgumentException("sequence " + Tag.toString(attribute.tag())
                    + " belongs to another data set; use newSequence or putAll to copy it");
        }
        attributes.put(attribute.tag(), attribute);
        return this;
    }

    /** Copies every attribute of another data set into this one (sequences deep-copied; value bytes shared). */
    public Dataset putAll(Dataset other) {
        for (Attribute a : other) {
            if (a.isSequence()) {
                Sequence copy = newSequence(a.tag());
                for (Dataset item : a.sequence()) {
                    copy.addItem(item);
                }
            } else {
                attributes.put(a.tag(), a);
            }
        }
        return this;
    }

    /** A deep copy without parent. */
    public Dataset copy() {
        return new Dataset().putAll(this);
    }

    // ---- character set ----

    /** The Specific Character Set in force here: this data set's (0008,0005), else the parent's, else the default. */
    public SpecificCharacterSet characterSet() {
        Attribute cs = attributes.get(Tags.SpecificCharacterSet);
        if (cs != null) {
            return SpecificCharacterSet.of(ValueCodec.strings(cs, SpecificCharacterSet.DEFAULT));
        }
        return parent == null ? SpecificCharacterSet.DEFAULT : parent.characterSet();
    }

    // ---- getters ----

    /** First value as a string (see {@link ValueCodec#strings}); null when absent or empty. */
    public String getString(int tag) {
        String[] values = getStrings(tag);
        return values.length == 0 ? null : values[0];
    }

    public String getString(int tag, String defaultValue) {
        String value = getString(tag);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    /** All values as strings; empty when absent. */
    public String[] getStrings(int tag) {
        Attribute a = attributes.get(tag);
        if (a == null || a.isSequence() || a.isEncapsulated()) {
            return new String[0];
        }
        return ValueCodec.strings(a, a.vr().isCharsetSensitive() ? characterSet() : SpecificCharacterSet.DEFAULT);
    }

    /** First integer value, or the default when absent or empty. */
    public int getInt(int tag, int defaultValue) {
        long[] values = getLongs(tag);
        return values.length == 0 ? defaultValue : (int) values[0];
    }

    public Integer getInt(int tag) {
        long[] values = getLongs(tag);
        return values.length == 0 ? null : (int) values[0];
    }

    public int[] getInts(int tag) {
        long[] values = getLongs(tag);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    public long[] getLongs(int tag) {
        Attribute a = attributes.get(tag);
        if (a == null || a.isSequence() || a.isEncapsulated()) {
            return new long[0];
        }
        return ValueCodec.longs(a);
    }

    public double getDouble(int tag, double defaultValue) {
        double[] values = getDoubles(tag);
        return values.length == 0 ? defaultValue : values[0];
    }

    public Double getDouble(int tag) {
        double[] values = getDoubles(tag);
        return values.length == 0 ? null : values[0];
    }

    public double[] getDoubles(int tag) {
        Attribute a = attributes.get(tag);
        if (a == null || a.isSequence() || a.isEncapsulated()) {
            return new double[0];
        }
        return ValueCodec.doubles(a);
    }

    /** Raw value bytes (little endian for binary VRs); null when absent, a sequence or encapsulated. */
    public byte[] getBytes(int tag) {
        Attribute a = attributes.get(tag);
        return a == null ? null : a.bytes();
    }

    /** The sequence, or null when absent or not a sequence. */
    public Sequence getSequence(int tag) {
        Attribute a = attributes.get(tag);
        return a == null ? null : a.sequence();
    }

    /** First item of a sequence, or null. */
    public Dataset getItem(int tag) {
        Sequence s = getSequence(tag);
        return s == null || s.isEmpty() ? null : s.get(0);
    }

    public Fragments getFragments(int tag) {
        Attribute a = attributes.get(tag);
        return a == null ? null : a.fragments();
    }

    public VR vrOf(int tag) {
        Attribute a = attributes.get(tag);
        return a == null ? null : a.vr();
    }

    // ---- setters (fluent) ----

    public Dataset setString(int tag, VR vr, String... values) {
        SpecificCharacterSet charset = tag == Tags.SpecificCharacterSet ? SpecificCharacterSet.DEFAULT : characterSet();
        return put(Attribute.ofBytes(tag, vr, ValueCodec.encodeStrings(vr, charset, values)));
    }

    public Dataset setString(int tag, String... values) {
        return setString(tag, dictionaryVr(tag), values);
    }

    public Dataset setInt(int tag, VR vr, int... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            l[i] = values[i];
        }
        return setLong(tag, vr, l);
    }

    public Dataset setInt(int tag, int... values) {
        return setInt(tag, dictionaryVr(tag), values);
    }

    public Dataset setLong(int tag, VR vr, long... values) {
        return put(Attribute.ofBytes(tag, vr, ValueCodec.encodeLongs(vr, values)));
    }

    public Dataset setDouble(int tag, VR vr, double... values) {
        return put(Attribute.ofBytes(tag, vr, ValueCodec.encodeDoubles(vr, values)));
    }

    public Dataset setDouble(int tag, double... values) {
        return setDouble(tag, dictionaryVr(tag), values);
    }

    public Dataset setFloat(int tag, VR vr, float... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return setDouble(tag, vr, d);
    }

    /** Stores bytes as they are (binary values little endian); odd-length values are padded on writing. */
    public Dataset setBytes(int tag, VR vr, byte[] value) {
        return put(Attribute.ofBytes(tag, vr, value));
    }

    /** Adds (or replaces with) an empty sequence and returns it; fill it with {@link Sequence#addItem()}. */
    public Sequence newSequence(int tag) {
        Sequence sequence = new Sequence(this);
        attributes.put(tag, Attribute.ofSequence(tag, sequence));
        return sequence;
    }

    /** Returns the existing sequence at the tag or adds an empty one. */
    public Sequence sequence(int tag) {
        Sequence existing = getSequence(tag);
        return existing != null ? existing : newSequence(tag);
    }

    public Dataset setFragments(int tag, Fragments fragments) {
        return put(Attribute.ofFragments(tag, VR.OB, fragments));
    }

    /** DA value, YYYYMMDD. */
    public Dataset setDate(int tag, LocalDate date) {
        return setString(tag, VR.DA, date.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    /** TM value, HHMMSS.FFFFFF (fraction only when non-zero). */
    public Dataset setTime(int tag, LocalTime time) {
        String text = time.format(DateTimeFormatter.ofPattern("HHmmss"));
        if (time.getNano() != 0) {
            text += String.format(".%06d", time.getNano() / 1000);
        }
        return setString(tag, VR.TM, text);
    }

    /** The DA value as a date; null when absent or empty; DicomException when malformed. */
    public LocalDate getDate(int tag) {
        String text = getString(tag);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() >= 8 ? text.substring(0, 8) : text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DicomException("value '" + text + "' of " + Tag.toString(tag) + " is not a DA date (YYYYMMDD)");
        }
    }

    /** Sets (0008,0005); later text in this data set and its items is encoded in that set. */
    public Dataset setSpecificCharacterSet(String... terms) {
        SpecificCharacterSet.of(terms);
        return setString(Tags.SpecificCharacterSet, VR.CS, terms);
    }

    private static VR dictionaryVr(int tag) {
        VR vr = DicomDictionary.standard().vrOf(tag);
        if (vr == VR.UN) {
            throw new IllegalArgumentException("the dictionary does not know the VR of " + Tag.toString(tag)
                    + "; pass the VR explicitly");
        }
        return vr;
    }

    @Override
    public String toString() {
        return "Dataset(" + attributes.size() + " attributes)";
    }
}

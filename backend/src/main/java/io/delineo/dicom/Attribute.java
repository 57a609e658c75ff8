package io.delineo.dicom;

/**
 * One data element: tag, VR and value. The value is a {@code byte[]} for every VR except SQ (a {@link Sequence})
 * and encapsulated pixel data (a {@link Fragments}). Binary numbers are held little endian whatever the source
 * encoding; text keeps its encoded bytes (decode with the data set's {@link SpecificCharacterSet}). Value arrays are
 * shared, not copied: do not change them after handing them over.
 */
public final class Attribute {
    private static final byte[] EMPTY = new byte[0];

    private final int tag;
    private final VR vr;
    private final byte[] bytes;
    private final Sequence sequence;
    private final Fragments fragments;

    private Attribute(int tag, VR vr, byte[] bytes, Sequence sequence, Fragments fragments) {
        if (vr == null) {
            throw new IllegalArgumentException("VR of " + Tag.toString(tag) + " must not be null");
        }
        this.tag = tag;
        this.vr = vr;
        this.bytes = bytes;
        this.sequence = sequence;
        this.fragments = fragments;
    }

    public static Attribute ofBytes(int tag, VR vr, byte[] value) {
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("SQ attribute " + Tag.toString(tag) + " needs a Sequence, not bytes");
        }
        return new Attribute(tag, vr, value == null ? EMPTY : value, null, null);
    }

    static Attribute ofSequence(int tag, Sequence sequence) {
        return new Attribute(tag, VR.SQ, null, sequence, null);
    }

    public static Attribute ofFragments(int tag, VR vr, Fragments fragments) {
        if (vr != VR.OB && vr != VR.OW && vr != VR.UN) {
            throw new IllegalArgumentException("encapsulated pixel data must be OB (or OW/UN as read), not " + vr);
        }
        return new Attribute(tag, vr, null, null, fragments);
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    /** Value bytes (little endian for binary VRs); null for sequences and encapsulated data. */
    public byte[] bytes() {
        return bytes;
    }

    public Sequence sequence() {
        return sequence;
    }

    public Fragments fragments() {
        return fragments;
    }

    public boolean isSequence() {
        return sequence != null;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    /** True for a zero-length value or a sequence without items. */
    public boolean isEmpty() {
        if (sequence != null) {
            return sequence.isEmpty();
        }
        if (fragments != null) {
            return fragments.size() == 0;
        }
        return bytes.length == 0;
    }

    @Override
    public String toString() {
        String what = sequence != null ? sequence.size() + " items"
                : fragments != null ? fragments.size() + " fragments" : bytes.length + " bytes";
        return Tag.toString(tag) + " " + vr + " " + what;
    }
}

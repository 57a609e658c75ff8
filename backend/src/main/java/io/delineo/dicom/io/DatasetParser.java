package io.delineo.dicom.io;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomDictionary;
import io.delineo.dicom.DicomParseException;
import io.delineo.dicom.DictionaryEntry;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tag;
import io.delineo.dicom.Tags;
import io.delineo.dicom.VR;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

/** Reads data elements, sequences and encapsulated fragments in one encoding (explicit/implicit VR, byte order). */
final class DatasetParser {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final DicomInput in;
    private final ReadOptions options;
    private final DicomDictionary dictionary = DicomDictionary.standard();
    private boolean explicitVr;
    private final boolean bigEndian;
    private final long offsetBase;

    private int currentTag = -1;
    private long pixelDataOffset = -1;
    private boolean stoppedBeforePixelData;

    DatasetParser(DicomInput in, boolean explicitVr, boolean bigEndian, ReadOptions options, long offsetBase) {
        this.in = in;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.options = options;
        this.offsetBase = offsetBase;
    }

    long pixelDataOffset() {
        return pixelDataOffset;
    }

    boolean stoppedBeforePixelData() {
        return stoppedBeforePixelData;
    }

    void setExplicitVr(boolean explicit) {
        this.explicitVr = explicit;
    }

    private long offset() {
        return offsetBase + in.position();
    }

    private DicomParseException error(String problem, long offset) {
        return new DicomParseException(problem, offset, currentTag);
    }

    /** Reads a whole top-level data set up to the end of the input. */
    void readTopLevel(Dataset target) throws IOException {
        readItemContent(target, -1, false, 0);
    }

    /** Reads elements of one group only (file meta information) and stops before the first other group. */
    void readGroup(Dataset target, int group) throws IOException {
        while (in.ensure(2)) {
            int next = bigEndian ? (in.peek(0) << 8) | in.peek(1) : in.peek(0) | (in.peek(1) << 8);
            if (next != group) {
                return;
            }
            readElement(target, 0, -1);
        }
    }

    /**
     * Reads elements into target until: end == position (defined-length item), an item delimiter
     * (untilDelimiter), or the end of the input (top level, end == -1).
     */
    private void readItemContent(Dataset target, long end, boolean untilDelimiter, int depth) throws IOException {
        while (true) {
            long here = in.position();
            if (end >= 0) {
                if (here == end) {
                    return;
                }
                if (here > end) {
                    throw error("element runs past the end of its item (item ends at byte " + (offsetBase + end) + ")", offset());
                }
            } else if (!untilDelimiter && in.atEnd()) {
                return;
            }
            if (offsetBase + here > options.maxTotalBytes()) {
                throw error("input exceeds the limit of " + options.maxTotalBytes() + " bytes", offset());
            }
            if (!in.ensure(4)) {
                throw DicomInput.truncated(offset(), currentTag, untilDelimiter ? "an item without its delimiter" : "an element tag");
            }
            int tag = peekTag();
            if (tag == Tag.ITEM_DELIMITATION) {
                in.skip(4);
                long length = readLength32();
                if (!untilDelimiter) {
                    if (end < 0 && depth == 0) {
                        continue; // a stray delimiter at top level carries no data; tolerated like dcmtk does
                    }
                    throw error("item delimitation item inside a defined-length item", offset());
                }
                if (length != 0) {
                    throw error("item delimitation item has non-zero length " + length, offset());
                }
                return;
            }
            if (depth == 0 && options.stopBeforePixelData()
                    && (tag == Tags.PixelData || tag == Tags.FloatPixelData || tag == Tags.DoubleFloatPixelData)) {
                pixelDataOffset = offset();
                stoppedBeforePixelData = true;
                return;
            }
            readElement(target, depth, end);
            if (stoppedBeforePixelData) {
                return;
            }
        }
    }

    private int peekTag() {
        int group = bigEndian ? (in.peek(0) << 8) | in.peek(1) : in.peek(0) | (in.peek(1) << 8);
        int element = bigEndian ? (in.peek(2) << 8) | in.peek(3) : in.peek(2) | (in.peek(3) << 8);
        return (group << 16) | element;
    }

    private long readLength32() throws IOException {
        try {
            return in.readU32(bigEndian);
        } catch (EOFException e) {
            throw DicomInput.truncated(offset(), currentTag, "a length field");
        }
    }

    /** Reads one element header and value into target. */
    void readElement(Dataset target, int depth, long itemEnd) throws IOException {
        long start = offset();
        int tag;
        VR vr;
        long length;
        boolean explicitUn = false;
        try {
            tag = in.readTag(bigEndian);
            currentTag = tag;
            if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION) {
                throw error(tag == Tag.ITEM ? "item found outside a sequence" : "sequence delimiter found outside a sequence", start);
            }
            if (explicitVr) {
                if (!in.ensure(2)) {
                    throw new EOFException();
                }
                int c1 = in.peek(0);
                int c2 = in.peek(1);
                vr = VR.fromCode(c1, c2);
                in.skip(2);
                if (vr == null) {
                    throw error(String.format("invalid VR bytes %02X %02X", c1, c2), start + 4);
                }
                if (vr.hasLongLength()) {
                    in.skip(2);
                    length = in.readU32(bigEndian);
                } else {
                    length = in.readU16(bigEndian);
                }
                explicitUn = vr == VR.UN;
            } else {
                length = in.readU32(bigEndian);
                vr = implicitVr(tag, target, length);
            }
        } catch (EOFException e) {
            throw DicomInput.truncated(start, currentTag, "an element header");
        }

        if (tag == Tags.PixelData && depth == 0) {
            pixelDataOffset = start;
        }
        if (length == UNDEFINED) {
            if (vr == VR.SQ) {
                readSequence(target, tag, -1, depth, start);
            } else if (vr == VR.UN) {
                // PS3.5 6.2.2: UN of undefined length is a sequence encoded in implicit VR little endian
                readImplicitSequence(target, tag, -1, depth, start);
            } else if (tag == Tags.PixelData || vr == VR.OB || vr == VR.OW) {
                // encapsulated pixel data is OB whatever the header says (PS3.5 A.4; dcmtk does the same)
                target.put(Attribute.ofFragments(tag, VR.OB, readFragments(depth)));
            } else {
                throw error("undefined length is not allowed for VR " + vr, start);
            }
            return;
        }
        if (vr == VR.SQ) {
            readSequence(target, tag, (int) clampContainer(length, start, itemEnd), depth, start);
            return;
        }
        checkLength(length, start, itemEnd);
        int n = (int) length;
        if (explicitUn && options.reinterpretUn() && (Tag.isPrivateCreator(tag) || Tag.isGroupLength(tag))) {
            vr = dictionary.vrOf(tag);
        } else if (explicitUn && options.reinterpretUn()) {
            DictionaryEntry entry = dictionary.entry(tag);
            if (entry != null && !entry.vrs().isEmpty() && entry.vr() != VR.UN) {
                if (entry.vr() == VR.SQ) {
                    readImplicitSequence(target, tag, n, depth, start);
                    return;
                }
                vr = resolveAmbiguous(entry, target, tag);
            }
        }
        byte[] value;
        try {
            value = in.readBytes(n);
        } catch (EOFException e) {
            throw DicomInput.truncated(start, tag, "a value of " + n + " bytes");
        }
        if (bigEndian && !explicitUn && vr.unitSize() > 1) {
            ByteOrderUtil.swap(value, vr == VR.AT ? 2 : vr.unitSize());
        }
        target.put(Attribute.ofBytes(tag, vr, value));
    }

    private void checkLength(long length, long start, long itemEnd) {
        if (length > options.maxValueLength()) {
            throw error("value length " + length + " exceeds the limit of " + options.maxValueLength() + " bytes", start);
        }
        long remaining = in.remaining();
        if (remaining >= 0 && length > remaining) {
            throw error("value length " + length + " exceeds the " + remaining + " bytes remaining in the input", start);
        }
        if (itemEnd >= 0 && in.position() + length > itemEnd) {
            throw error("value length " + length + " runs past the end of its item", start);
        }
        if (offsetBase + in.position() + length > options.maxTotalBytes()) {
            throw error("input exceeds the limit of " + options.maxTotalBytes() + " bytes", start);
        }
    }

    /**
     * Length of a sequence or item. A defined length running past the end of a file is cut to the end of the file
     * (as dcmtk does; e.g. records whose elements were removed without fixing the item length): its elements are
     * still checked one by one. Lengths past the enclosing item or over the limits are errors.
     */
    private long clampContainer(long length, long start, long itemEnd) {
        if (length > Integer.MAX_VALUE) {
            throw error("sequence or item length " + length + " is too large", start);
        }
        long remaining = in.remaining();
        boolean enclosingEndsWithInput = itemEnd < 0 || remaining >= 0 && itemEnd == in.position() + remaining;
        if (remaining >= 0 && length > remaining && enclosingEndsWithInput) {
            return remaining;
        }
        checkLength(length, start, itemEnd);
        return length;
    }

    /** VR for implicit VR encoding: the dictionary, with ambiguous VRs resolved from context. */
    private VR implicitVr(int tag, Dataset target, long length) {
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        DictionaryEntry entry = dictionary.entry(tag);
        if (entry == null || entry.vrs().isEmpty()) {
            return length == UNDEFINED ? VR.SQ : VR.UN;
        }
        return resolveAmbiguous(entry, target, tag);
    }

    /** "US or SS" follows Pixel Representation; "OB or OW" and "US or OW" become OW (as dcmtk does). */
    private VR resolveAmbiguous(DictionaryEntry entry, Dataset target, int tag) {
        if (entry.vrs().size() == 1) {
            return entry.vr();
        }
        if (entry.vrs().contains(VR.OW)) {
            return VR.OW;
        }
        if (entry.vrs().contains(VR.SS) && entry.vrs().contains(VR.US)) {
            return pixelRepresentation(target) == 1 ? VR.SS : VR.US;
        }
        return entry.vr();
    }

    private static int pixelRepresentation(Dataset ds) {
        for (Dataset d = ds; d != null; d = d.parent()) {
            Attribute a = d.get(Tags.PixelRepresentation);
            if (a != null && a.bytes() != null && a.bytes().length >= 2) {
                return ByteOrderUtil.readShort(a.bytes(), 0, false);
            }
        }
        return 0;
    }

    /** Reads the items of a sequence (length -1: undefined, ends at a sequence delimiter). */
    private void readSequence(Dataset owner, int tag, int length, int depth, long start) throws IOException {
        if (depth + 1 > options.maxDepth()) {
            throw error("sequences nested deeper than " + options.maxDepth() + " levels", start);
        }
        Sequence sequence = owner.newSequence(tag);
        long end = length < 0 ? -1 : in.position() + length;
        while (true) {
            if (end >= 0 && in.position() == end) {
                return;
            }
            if (end >= 0 && in.position() > end) {
                throw error("sequence items run past the sequence length", offset());
            }
            long itemStart = offset();
            currentTag = tag;
            int itemTag;
            long itemLength;
            try {
                itemTag = in.readTag(bigEndian);
                itemLength = in.readU32(bigEndian);
            } catch (EOFException e) {
                throw DicomInput.truncated(itemStart, tag, "a sequence item header");
            }
            if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    throw error("sequence delimiter inside a defined-length sequence", itemStart);
                }
                return;
            }
            if (itemTag != Tag.ITEM) {
                throw error("expected an item tag (FFFE,E000) in the sequence but found " + Tag.toString(itemTag), itemStart);
            }
            Dataset item = sequence.addItem();
            if (itemLength == UNDEFINED) {
                readItemContent(item, -1, true, depth + 1);
            } else {
                long clamped = clampContainer(itemLength, itemStart, end);
                readItemContent(item, in.position() + clamped, false, depth + 1);
            }
            currentTag = tag;
        }
    }

    /** A sequence encoded in implicit VR little endian inside an UN element (PS3.5 6.2.2). */
    private void readImplicitSequence(Dataset owner, int tag, int length, int depth, long start) throws IOException {
        if (!explicitVr && !bigEndian) {
            readSequence(owner, tag, length, depth, start);
            return;
        }
        if (length >= 0) {
            byte[] bytes;
            try {
                bytes = in.readBytes(length);
            } catch (EOFException e) {
                throw DicomInput.truncated(start, tag, "a value of " + length + " bytes");
            }
            DicomInput nested = new DicomInput(new ByteArrayInputStream(bytes), bytes.length);
            DatasetParser inner = new DatasetParser(nested, false, false, options, offset() - bytes.length);
            inner.readSequence(owner, tag, length, depth, start);
        } else if (!bigEndian) {
            boolean wasExplicit = explicitVr;
            explicitVr = false;
            try {
                readSequence(owner, tag, -1, depth, start);
            } finally {
                explicitVr = wasExplicit;
            }
        } else {
            throw error("undefined-length UN in a big endian data set is not supported", start);
        }
    }

    /** Encapsulated pixel data: items up to the sequence delimiter; the first item is the Basic Offset Table. */
    private Fragments readFragments(int depth) throws IOException {
        Fragments fragments = null;
        while (true) {
            long itemStart = offset();
            int itemTag;
            long length;
            try {
                itemTag = in.readTag(bigEndian);
                length = in.readU32(bigEndian);
            } catch (EOFException e) {
                throw DicomInput.truncated(itemStart, currentTag, "an encapsulated pixel data item");
            }
            if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                return fragments == null ? new Fragments() : fragments;
            }
            if (itemTag != Tag.ITEM) {
                throw error("expected a fragment item (FFFE,E000) in encapsulated pixel data but found "
                        + Tag.toString(itemTag), itemStart);
            }
            if (length == UNDEFINED) {
                throw error("fragment item with undefined length", itemStart);
            }
            checkLength(length, itemStart, -1);
            byte[] value;
            try {
                value = in.readBytes((int) length);
            } catch (EOFException e) {
                throw DicomInput.truncated(itemStart, currentTag, "a fragment of " + length + " bytes");
            }
            if (fragments == null) {
                fragments = new Fragments(value);
            } else {
                fragments.add(value);
            }
        }
    }
}

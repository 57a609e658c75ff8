package io.delineo.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table (first item, possibly empty) and the fragments that
 * follow it, in stream order. Frame boundaries are worked out by {@code io.delineo.dicom.pixel.FrameLocator}.
 */
public final class Fragments {
    private byte[] basicOffsetTable;
    private final List<byte[]> fragments = new ArrayList<>();

    public Fragments(byte[] basicOffsetTable) {
        this.basicOffsetTable = basicOffsetTable == null ? new byte[0] : basicOffsetTable;
    }

    public Fragments() {
        this(new byte[0]);
    }

    public byte[] basicOffsetTable() {
        return basicOffsetTable;
    }

    public void setBasicOffsetTable(byte[] table) {
        this.basicOffsetTable = table == null ? new byte[0] : table;
    }

    /** Offsets (from the first byte of the first fragment item) listed in the Basic Offset Table; empty when none. */
    public long[] basicOffsets() {
        int n = basicOffsetTable.length / 4;
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = ByteOrderUtil.readInt(basicOffsetTable, i * 4, false) & 0xFFFFFFFFL;
        }
        return offsets;
    }

    public Fragments add(byte[] fragment) {
        if (fragment == null) {
            throw new IllegalArgumentException("fragment must not be null");
        }
        fragments.add(fragment);
        return this;
    }

    public List<byte[]> list() {
        return Collections.unmodifiableList(fragments);
    }

    public int size() {
        return fragments.size();
    }

    public byte[] get(int index) {
        return fragments.get(index);
    }

    /** Total bytes of all fragments, without item headers. */
    public long totalLength() {
        long total = 0;
        for (byte[] f : fragments) {
            total += f.length;
        }
        return total;
    }
}

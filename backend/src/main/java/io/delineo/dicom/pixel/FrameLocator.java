package io.delineo.dicom.pixel;

import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Tags;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which fragments of encapsulated pixel data make up each frame (PS3.5 A.4): from the Extended Offset Table,
 * else the Basic Offset Table, else one fragment per frame, else all fragments for a single frame, else by the
 * start-of-image markers of JPEG (FFD8) and JPEG 2000 (FF4F) codestreams.
 */
final class FrameLocator {
    private final List<int[]> frameFragments;

    FrameLocator(Dataset ds, Fragments fragments, int frames) {
        this.frameFragments = locate(ds, fragments, frames);
    }

    int frameCount() {
        return frameFragments.size();
    }

    /** The encoded bytes of a frame: its fragments concatenated. */
    byte[] frame(Fragments fragments, int frame) {
        int[] range = frameFragments.get(frame);
        if (range[1] - range[0] == 1) {
            return fragments.get(range[0]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = range[0]; i < range[1]; i++) {
            out.writeBytes(fragments.get(i));
        }
        return out.toByteArray();
    }

    private static List<int[]> locate(Dataset ds, Fragments fragments, int frames) {
        int n = fragments.size();
        if (n == 0) {
            throw new DicomException("encapsulated pixel data has no fragments");
        }
        long[] extended = ds.getLongs(Tags.ExtendedOffsetTable);
        if (extended.length == 0 && ds.getBytes(Tags.ExtendedOffsetTable) != null) {
            extended = readOffsets(ds.getBytes(Tags.ExtendedOffsetTable), 8);
        }
        if (extended.length > 0) {
            return byOffsets(fragments, extended, frames, "Extended Offset Table");
        }
        long[] basic = fragments.basicOffsets();
        if (basic.length > 0) {
            return byOffsets(fragments, basic, frames, "Basic Offset Table");
        }
        List<int[]> out = new ArrayList<>();
        if (n == frames) {
            for (int i = 0; i < n; i++) {
                out.add(new int[] {i, i + 1});
            }
            return out;
        }
        if (frames == 1) {
            out.add(new int[] {0, n});
            return out;
        }
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || startsCodestream(fragments.get(i))) {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        if (out.size() != frames) {
            throw new DicomException("cannot tell the " + frames + " frames apart in " + n
                    + " fragments: no offset table and no codestream markers at frame starts");
        }
        return out;
    }

    private static long[] readOffsets(byte[] bytes, int size) {
        long[] out = new long[bytes.length / size];
        for (int i = 0; i < out.length; i++) {
            out[i] = size == 8 ? ByteOrderUtil.readLong(bytes, 8 * i, false)
                    : ByteOrderUtil.readInt(bytes, 4 * i, false) & 0xFFFFFFFFL;
        }
        return out;
    }

    /** Offsets count from the first byte of the first fragment's item header; each item header is 8 bytes. */
    private static List<int[]> byOffsets(Fragments fragments, long[] offsets, int frames, String table) {
        if (offsets.length != frames) {
            throw new DicomException(table + " lists " + offsets.length + " frames but Number of Frames is " + frames);
        }
        long[] itemStarts = new long[fragments.size() + 1];
        for (int i = 0; i < fragments.size(); i++) {
            itemStarts[i + 1] = itemStarts[i] + 8 + fragments.get(i).length;
        }
        List<int[]> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            int first = indexOf(itemStarts, offsets[f], table);
            int end = f + 1 < frames ? indexOf(itemStarts, offsets[f + 1], table) : fragments.size();
            if (end <= first) {
                throw new DicomException(table + " offsets are not increasing at frame " + f);
            }
            out.add(new int[] {first, end});
        }
        return out;
    }

    private static int indexOf(long[] itemStarts, long offset, String table) {
        for (int i = 0; i < itemStarts.length - 1; i++) {
            if (itemStarts[i] == offset) {
                return i;
            }
        }
        throw new DicomException(table + " offset " + offset + " does not point at a fragment");
    }

    private static boolean startsCodestream(byte[] fragment) {
        return fragment.length >= 2 && (fragment[0] & 0xFF) == 0xFF
                && ((fragment[1] & 0xFF) == 0xD8 || (fragment[1] & 0xFF) == 0x4F);
    }
}

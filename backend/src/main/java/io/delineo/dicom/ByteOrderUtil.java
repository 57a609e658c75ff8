package io.delineo.dicom;

/** Reading, writing and swapping multi-byte numbers in byte arrays. */
public final class ByteOrderUtil {
    private ByteOrderUtil() {
    }

    public static int readShort(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    public static int readInt(byte[] b, int off, boolean bigEndian) {
        if (bigEndian) {
            return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        }
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 3] & 0xFF) << 24);
    }

    public static long readLong(byte[] b, int off, boolean bigEndian) {
        long first = readInt(b, off, bigEndian) & 0xFFFFFFFFL;
        long second = readInt(b, off + 4, bigEndian) & 0xFFFFFFFFL;
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    public static void writeShort(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    public static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static void writeLong(byte[] b, int off, long v) {
        writeInt(b, off, (int) v);
        writeInt(b, off + 4, (int) (v >>> 32));
    }

    /** Reverses the byte order of each unitSize-byte unit in place (a trailing partial unit is left alone). */
    public static void swap(byte[] b, int unitSize) {
        if (unitSize <= 1) {
            return;
        }
        int end = b.length - b.length % unitSize;
        for (int i = 0; i < end; i += unitSize) {
            for (int lo = i, hi = i + unitSize - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }

    /** Swaps the two 16-bit halves of each 32-bit unit into a new array (32-bit samples read as 16-bit words). */
    public static byte[] swapWordPairs(byte[] words) {
        byte[] out = words.clone();
        for (int i = 0; i + 3 < out.length; i += 4) {
            byte a = out[i];
            byte b = out[i + 1];
            out[i] = out[i + 2];
            out[i + 1] = out[i + 3];
            out[i + 2] = a;
            out[i + 3] = b;
        }
        return out;
    }
}

package io.delineo.imaging;

import java.util.Arrays;

/**
 * A binary voxel mask on an {@link ImageGrid}, one bit per voxel, packed into {@code long} words.
 *
 * <p>Bit {@code n} (the grid's linear index {@code i + nx*(j + ny*k)}) lives in word {@code n >>> 6} at bit
 * {@code n & 63}. Bits beyond {@code grid.size()} in the last word are always zero, so word-wise counts need no
 * trimming. Set operations between two masks require the same grid geometry (see {@link #requireSameGrid}).
 */
public final class BitMask {
    /** Geometry tolerance (mm) for "same grid" checks between masks. */
    public static final double SAME_GRID_TOLERANCE_MM = 1e-6;

    private final ImageGrid grid;
    private final long[] words;

    /** An empty mask on {@code grid}. */
    public BitMask(ImageGrid grid) {
        if (grid == null) throw new IllegalArgumentException("grid is required");
        this.grid = grid;
        this.words = new long[wordCount(grid.size())];
    }

    private BitMask(ImageGrid grid, long[] words) {
        this.grid = grid;
        this.words = words;
    }

    private static int wordCount(int bits) { return (bits + 63) >>> 6; }

    public ImageGrid grid() { return grid; }

    /** Number of voxels on the grid (the number of addressable bits). */
    public int size() { return grid.size(); }

    public boolean get(int index) {
        checkIndex(index);
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    public boolean get(int i, int j, int k) {
        checkVoxel(i, j, k);
        int n = grid.index(i, j, k);
        return (words[n >>> 6] & (1L << n)) != 0;
    }

    public void set(int index) {
        checkIndex(index);
        words[index >>> 6] |= 1L << index;
    }

    public void set(int index, boolean value) {
        checkIndex(index);
        if (value) words[index >>> 6] |= 1L << index;
        else words[index >>> 6] &= ~(1L << index);
    }

    public void set(int i, int j, int k) {
        checkVoxel(i, j, k);
        int n = grid.index(i, j, k);
        words[n >>> 6] |= 1L << n;
    }

    public void clear(int index) {
        checkIndex(index);
        words[index >>> 6] &= ~(1L << index);
    }

    /** Flips the bit (used by even–odd polygon filling). */
    public void flip(int index) {
        checkIndex(index);
        words[index >>> 6] ^= 1L << index;
    }

    /** Sets every bit in {@code [fromIndex, toIndex)} (a run along the linear index), word-wise. */
    public void setRange(int fromIndex, int toIndex) {
        applyRange(fromIndex, toIndex, false);
    }

    /** Flips every bit in {@code [fromIndex, toIndex)}, word-wise. */
    public void flipRange(int fromIndex, int toIndex) {
        applyRange(fromIndex, toIndex, true);
    }

    private void applyRange(int from, int to, boolean flip) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("bit range [" + from + ", " + to + ") is outside 0.." + size());
        }
        if (from == to) return;
        int w0 = from >>> 6, w1 = (to - 1) >>> 6;
        long first = -1L << from, last = -1L >>> -to;
        if (w0 == w1) {
            apply(w0, first & last, flip);
            return;
        }
        apply(w0, first, flip);
        for (int w = w0 + 1; w < w1; w++) apply(w, -1L, flip);
        apply(w1, last, flip);
    }

    private void apply(int w, long bits, boolean flip) {
        if (flip) words[w] ^= bits;
        else words[w] |= bits;
    }

    /** Number of set voxels. */
    public long cardinality() {
        long c = 0;
        for (long w : words) c += Long.bitCount(w);
        return c;
    }

    public boolean isEmpty() {
        for (long w : words) if (w != 0) return false;
        return true;
    }

    /** Number of set bits with linear index in {@code [fromIndex, toIndex)}. */
    public long countRange(int fromIndex, int toIndex) {
        if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("bit range [" + fromIndex + ", " + toIndex + ") is outside 0.." + size());
        }
        if (fromIndex == toIndex) return 0;
        int w0 = fromIndex >>> 6, w1 = (toIndex - 1) >>> 6;
        long first = -1L << fromIndex, last = -1L >>> -toIndex;
        if (w0 == w1) return Long.bitCount(words[w0] & first & last);
        long c = Long.bitCount(words[w0] & first) + Long.bitCount(words[w1] & last);
        for (int w = w0 + 1; w < w1; w++) c += Long.bitCount(words[w]);
        return c;
    }

    /** |this ∩ other| restricted to linear indices {@code [fromIndex, toIndex)}. */
    public long andCountRange(BitMask other, int fromIndex, int toIndex) {
        requireSameGrid(other);
        if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("bit range [" + fromIndex + ", " + toIndex + ") is outside 0.." + size());
        }
        if (fromIndex == toIndex) return 0;
        long[] o = other.words;
        int w0 = fromIndex >>> 6, w1 = (toIndex - 1) >>> 6;
        long first = -1L << fromIndex, last = -1L >>> -toIndex;
        if (w0 == w1) return Long.bitCount(words[w0] & o[w0] & first & last);
        long c = Long.bitCount(words[w0] & o[w0] & first) + Long.bitCount(words[w1] & o[w1] & last);
        for (int w = w0 + 1; w < w1; w++) c += Long.bitCount(words[w] & o[w]);
        return c;
    }

    /** |this ∩ other|. */
    public long andCount(BitMask other) {
        requireSameGrid(other);
        long c = 0;
        long[] o = other.words;
        for (int w = 0; w < words.length; w++) c += Long.bitCount(words[w] & o[w]);
        return c;
    }

    /** |this ∪ other|. */
    public long orCount(BitMask other) {
        requireSameGrid(other);
        long c = 0;
        long[] o = other.words;
        for (int w = 0; w < words.length; w++) c += Long.bitCount(words[w] | o[w]);
        return c;
    }

    /** |this \ other|. */
    public long andNotCount(BitMask other) {
        requireSameGrid(other);
        long c = 0;
        long[] o = other.words;
        for (int w = 0; w < words.length; w++) c += Long.bitCount(words[w] & ~o[w]);
        return c;
    }

    /** |this △ other| (voxels in exactly one of the two masks). */
    public long xorCount(BitMask other) {
        requireSameGrid(other);
        long c = 0;
        long[] o = other.words;
        for (int w = 0; w < words.length; w++) c += Long.bitCount(words[w] ^ o[w]);
        return c;
    }

    /** A new mask {@code this ∩ other}. */
    public BitMask and(BitMask other) {
        requireSameGrid(other);
        long[] r = words.clone();
        for (int w = 0; w < r.length; w++) r[w] &= other.words[w];
        return new BitMask(grid, r);
    }

    /** A new mask {@code this ∪ other}. */
    public BitMask or(BitMask other) {
        requireSameGrid(other);
        long[] r = words.clone();
        for (int w = 0; w < r.length; w++) r[w] |= other.words[w];
        return new BitMask(grid, r);
    }

    /** A new mask {@code this \ other}. */
    public BitMask andNot(BitMask other) {
        requireSameGrid(other);
        long[] r = words.clone();
        for (int w = 0; w < r.length; w++) r[w] &= ~other.words[w];
        return new BitMask(grid, r);
    }

    /** In place: {@code this := this ∪ other}; returns this. */
    public BitMask orInPlace(BitMask other) {
        requireSameGrid(other);
        for (int w = 0; w < words.length; w++) words[w] |= other.words[w];
        return this;
    }

    /** Linear index of the first set bit at or after {@code fromIndex}, or -1 when there is none. */
    public int nextSetBit(int fromIndex) {
        if (fromIndex < 0) throw new IndexOutOfBoundsException("fromIndex < 0: " + fromIndex);
        if (fromIndex >= size()) return -1;
        int w = fromIndex >>> 6;
        long word = words[w] & (-1L << fromIndex);
        while (true) {
            if (word != 0) return (w << 6) + Long.numberOfTrailingZeros(word);
            if (++w == words.length) return -1;
            word = words[w];
        }
    }

    /**
     * Linear index of the first set bit in {@code [fromIndex, toIndex)}, or -1 when there is none; scans only the
     * words of that range (use this, not {@link #nextSetBit(int)}, to walk short runs such as one image row).
     */
    public int nextSetBit(int fromIndex, int toIndex) {
        if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("bit range [" + fromIndex + ", " + toIndex + ") is outside 0.." + size());
        }
        if (fromIndex == toIndex) return -1;
        int w = fromIndex >>> 6, last = (toIndex - 1) >>> 6;
        long word = words[w] & (-1L << fromIndex);
        while (true) {
            if (word != 0) {
                int n = (w << 6) + Long.numberOfTrailingZeros(word);
                return n < toIndex ? n : -1;
            }
            if (++w > last) return -1;
            word = words[w];
        }
    }

    /** The raw 64-bit word {@code wordIndex} (bits {@code 64*wordIndex ..}); for fast kernels. */
    public long word(int wordIndex) { return words[wordIndex]; }

    public int wordCount() { return words.length; }

    /** Set-voxel count on each slice k (length nz). */
    public long[] sliceCounts() {
        int s = grid.sliceSize();
        long[] counts = new long[grid.nz()];
        for (int k = 0; k < counts.length; k++) counts[k] = countRange(k * s, (k + 1) * s);
        return counts;
    }

    /** Volume of the set voxels in millilitres (voxel count × voxel volume). */
    public double volumeMl() { return cardinality() * grid.voxelVolumeMm3() / 1000.0; }

    /** Tightest box of index ranges holding every set voxel, or {@code null} when the mask is empty. */
    public Box boundingBox() {
        int nx = grid.nx();
        int iMin = Integer.MAX_VALUE, jMin = Integer.MAX_VALUE, kMin = Integer.MAX_VALUE;
        int iMax = -1, jMax = -1, kMax = -1;
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            int base = w << 6;
            // take the word one image row at a time: lowest and highest set bit of each row segment
            while (word != 0) {
                int first = base + Long.numberOfTrailingZeros(word);
                int row = first / nx;
                int rowEnd = (row + 1) * nx;
                long segment = rowEnd - base >= 64 ? word : word & ((1L << (rowEnd - base)) - 1);
                int last = base + 63 - Long.numberOfLeadingZeros(segment);
                word &= ~segment;
                int k = row / grid.ny(), j = row - k * grid.ny();
                int iFirst = first - row * nx, iLast = last - row * nx;
                if (iFirst < iMin) iMin = iFirst;
                if (iLast > iMax) iMax = iLast;
                if (j < jMin) jMin = j;
                if (j > jMax) jMax = j;
                if (k < kMin) kMin = k;
                if (k > kMax) kMax = k;
            }
        }
        return iMax < 0 ? null : new Box(iMin, iMax, jMin, jMax, kMin, kMax);
    }

    public BitMask copy() { return new BitMask(grid, words.clone()); }

    /** Throws when {@code other} is on a different grid (set operations between such masks are meaningless). */
    public void requireSameGrid(BitMask other) {
        if (other == null) throw new IllegalArgumentException("other mask is required");
        if (other.grid != grid && !grid.sameGeometry(other.grid, SAME_GRID_TOLERANCE_MM)) {
            throw new IllegalArgumentException("masks are on different grids: " + grid + " vs " + other.grid);
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("voxel index " + index + " is outside 0.." + (size() - 1));
        }
    }

    private void checkVoxel(int i, int j, int k) {
        if (!grid.contains(i, j, k)) {
            throw new IndexOutOfBoundsException("voxel (" + i + ", " + j + ", " + k + ") is outside the grid "
                    + grid.nx() + "x" + grid.ny() + "x" + grid.nz());
        }
    }

    /** Equal when on the same grid geometry with the same set voxels. */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        return o instanceof BitMask m && grid.sameGeometry(m.grid, SAME_GRID_TOLERANCE_MM)
                && Arrays.equals(words, m.words);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(words) * 31 + grid.size(); }

    @Override
    public String toString() { return "BitMask[" + cardinality() + " voxels on " + grid + "]"; }

    /**
     * An inclusive box of voxel indices {@code [iMin..iMax] × [jMin..jMax] × [kMin..kMax]}.
     */
    public record Box(int iMin, int iMax, int jMin, int jMax, int kMin, int kMax) {
        public Box {
            if (iMin > iMax || jMin > jMax || kMin > kMax) {
                throw new IllegalArgumentException("empty box: i " + iMin + ".." + iMax + ", j " + jMin + ".." + jMax
                        + ", k " + kMin + ".." + kMax);
            }
        }

        public int sizeI() { return iMax - iMin + 1; }
        public int sizeJ() { return jMax - jMin + 1; }
        public int sizeK() { return kMax - kMin + 1; }
        public long voxelCount() { return (long) sizeI() * sizeJ() * sizeK(); }

        public boolean contains(int i, int j, int k) {
            return i >= iMin && i <= iMax && j >= jMin && j <= jMax && k >= kMin && k <= kMax;
        }

        /** The smallest box holding both. */
        public Box union(Box o) {
            return new Box(Math.min(iMin, o.iMin), Math.max(iMax, o.iMax), Math.min(jMin, o.jMin),
                    Math.max(jMax, o.jMax), Math.min(kMin, o.kMin), Math.max(kMax, o.kMax));
        }

        /** Grown by {@code margin} voxels on every side, clipped to the grid. */
        public Box expand(int margin, ImageGrid grid) {
            if (margin < 0) throw new IllegalArgumentException("margin must be >= 0, got " + margin);
            return new Box(Math.max(0, iMin - margin), Math.min(grid.nx() - 1, iMax + margin),
                    Math.max(0, jMin - margin), Math.min(grid.ny() - 1, jMax + margin),
                    Math.max(0, kMin - margin), Math.min(grid.nz() - 1, kMax + margin));
        }
    }
}

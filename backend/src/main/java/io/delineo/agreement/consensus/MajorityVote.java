package io.delineo.agreement.consensus;

import io.delineo.imaging.BitMask;

import java.util.List;

/**
 * Consensus by vote: a voxel is in the consensus when at least {@code fraction·N} of the N readers include it
 * (ties at exactly that fraction count as in). With the default fraction 0.5, 3 readers need ≥ 2 votes, 4 readers
 * ≥ 2 (a 2–2 tie is in), 5 readers ≥ 3. For a strict majority of an even number of readers pass e.g. 0.51.
 */
public final class MajorityVote {
    public static final double DEFAULT_FRACTION = 0.5;

    private MajorityVote() {}

    public static BitMask of(List<BitMask> readers) { return of(readers, DEFAULT_FRACTION); }

    public static BitMask of(List<BitMask> readers, double fraction) {
        checkReaders(readers);
        int needed = requiredVotes(readers.size(), fraction);
        BitMask first = readers.get(0);
        BitMask out = new BitMask(first.grid());
        int n = readers.size();
        long[] w = new long[n];
        for (int word = 0; word < first.wordCount(); word++) {
            long union = 0;
            for (int r = 0; r < n; r++) {
                w[r] = readers.get(r).word(word);
                union |= w[r];
            }
            int base = word << 6;
            while (union != 0) {
                int bit = Long.numberOfTrailingZeros(union);
                union &= union - 1;
                int votes = 0;
                for (int r = 0; r < n; r++) votes += (int) (w[r] >>> bit) & 1;
                if (votes >= needed) out.set(base + bit);
            }
        }
        return out;
    }

    /** Votes needed out of {@code readerCount} for {@code fraction} in (0, 1]: ⌈fraction·N⌉, at least 1. */
    public static int requiredVotes(int readerCount, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("vote fraction must be in (0, 1], got " + fraction);
        }
        return Math.max(1, (int) Math.ceil(fraction * readerCount - 1e-9));
    }

    static void checkReaders(List<BitMask> readers) {
        if (readers == null || readers.isEmpty()) throw new IllegalArgumentException("at least one reader mask is required");
        for (int r = 0; r < readers.size(); r++) {
            if (readers.get(r) == null) throw new IllegalArgumentException("reader " + r + "'s mask is null");
            readers.get(0).requireSameGrid(readers.get(r));
        }
    }
}

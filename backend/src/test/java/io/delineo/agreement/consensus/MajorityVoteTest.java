package io.delineo.agreement.consensus;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MajorityVoteTest {
    private static final ImageGrid G = ImageGrid.axial(23, 17, 5, 1, 1, 1);

    private static List<BitMask> randomReaders(int n, long seed) {
        Random random = new Random(seed);
        List<BitMask> readers = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            BitMask m = new BitMask(G);
            for (int v = 0; v < G.size(); v++) if (random.nextDouble() < 0.4) m.set(v);
            readers.add(m);
        }
        return readers;
    }

    private static BitMask atLeast(List<BitMask> readers, int votes) {
        BitMask out = new BitMask(G);
        for (int v = 0; v < G.size(); v++) {
            int c = 0;
            for (BitMask r : readers) if (r.get(v)) c++;
            if (c >= votes) out.set(v);
        }
        return out;
    }

    @Test
    void threeReadersNeedTwoVotes() {
        List<BitMask> readers = randomReaders(3, 1);
        assertThat(MajorityVote.of(readers)).isEqualTo(atLeast(readers, 2));
    }

    @Test
    void thresholdsForOtherReaderCounts() {
        List<BitMask> four = randomReaders(4, 2), five = randomReaders(5, 3);
        assertThat(MajorityVote.of(four)).isEqualTo(atLeast(four, 2));          // ties count as in
        assertThat(MajorityVote.of(four, 0.51)).isEqualTo(atLeast(four, 3));    // strict majority
        assertThat(MajorityVote.of(five)).isEqualTo(atLeast(five, 3));
        assertThat(MajorityVote.of(five, 1.0)).isEqualTo(atLeast(five, 5));     // intersection
        assertThat(MajorityVote.of(five, 0.01)).isEqualTo(atLeast(five, 1));    // union
        assertThat(MajorityVote.requiredVotes(3, 0.5)).isEqualTo(2);
        assertThat(MajorityVote.requiredVotes(10, 0.7)).isEqualTo(7);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> MajorityVote.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MajorityVote.of(randomReaders(3, 1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> MajorityVote.of(List.of(new BitMask(G), new BitMask(ImageGrid.axial(2, 2, 2, 1, 1, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different grids");
    }
}

package io.delineo.imaging;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** BitMask against a plain boolean[] oracle on grids whose size is not a multiple of 64. */
class BitMaskTest {
    private static final Random RANDOM = new Random(42);

    private static boolean[] randomBits(int n, double density) {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = RANDOM.nextDouble() < density;
        return b;
    }

    private static BitMask maskOf(ImageGrid g, boolean[] bits) {
        BitMask m = new BitMask(g);
        for (int i = 0; i < bits.length; i++) if (bits[i]) m.set(i);
        return m;
    }

    @Test
    void setGetAndCountsMatchABooleanArray() {
        for (ImageGrid g : new ImageGrid[]{ImageGrid.axial(13, 7, 5, 1, 1, 1), ImageGrid.axial(70, 3, 4, 1, 1, 1),
                ImageGrid.axial(64, 2, 3, 1, 1, 1), ImageGrid.axial(1, 1, 1, 1, 1, 1)}) {
            boolean[] a = randomBits(g.size(), 0.3), b = randomBits(g.size(), 0.6);
            BitMask ma = maskOf(g, a), mb = maskOf(g, b);
            long ca = 0, and = 0, or = 0, andNot = 0, xor = 0;
            for (int n = 0; n < g.size(); n++) {
                assertThat(ma.get(n)).isEqualTo(a[n]);
                if (a[n]) ca++;
                if (a[n] && b[n]) and++;
                if (a[n] || b[n]) or++;
                if (a[n] && !b[n]) andNot++;
                if (a[n] != b[n]) xor++;
            }
            assertThat(ma.cardinality()).isEqualTo(ca);
            assertThat(ma.andCount(mb)).isEqualTo(and);
            assertThat(ma.orCount(mb)).isEqualTo(or);
            assertThat(ma.andNotCount(mb)).isEqualTo(andNot);
            assertThat(ma.xorCount(mb)).isEqualTo(xor);
            assertThat(ma.and(mb).cardinality()).isEqualTo(and);
            assertThat(ma.or(mb).cardinality()).isEqualTo(or);
            assertThat(ma.andNot(mb).cardinality()).isEqualTo(andNot);
        }
    }

    @Test
    void voxelAddressingFollowsTheGridIndex() {
        ImageGrid g = ImageGrid.axial(13, 7, 5, 1, 1, 1);
        BitMask m = new BitMask(g);
        m.set(12, 6, 4);
        m.set(0, 1, 2);
        assertThat(m.get(g.index(12, 6, 4))).isTrue();
        assertThat(m.get(0, 1, 2)).isTrue();
        assertThat(m.get(1, 1, 2)).isFalse();
        m.set(g.index(0, 1, 2), false);
        assertThat(m.get(0, 1, 2)).isFalse();
        m.flip(5);
        assertThat(m.get(5)).isTrue();
        m.clear(5);
        assertThat(m.cardinality()).isEqualTo(1);
    }

    @Test
    void rangesAreWordWiseButExact() {
        ImageGrid g = ImageGrid.axial(37, 11, 3, 1, 1, 1);
        for (int t = 0; t < 300; t++) {
            boolean[] bits = randomBits(g.size(), 0.5);
            BitMask m = maskOf(g, bits), other = maskOf(g, randomBits(g.size(), 0.5));
            int from = RANDOM.nextInt(g.size() + 1), to = from + RANDOM.nextInt(g.size() - from + 1);
            long count = 0, andCount = 0;
            for (int n = from; n < to; n++) {
                if (bits[n]) count++;
                if (bits[n] && other.get(n)) andCount++;
            }
            assertThat(m.countRange(from, to)).isEqualTo(count);
            assertThat(m.andCountRange(other, from, to)).isEqualTo(andCount);
            BitMask flipped = m.copy();
            flipped.flipRange(from, to);
            BitMask filled = m.copy();
            filled.setRange(from, to);
            for (int n = 0; n < g.size(); n++) {
                boolean inRange = n >= from && n < to;
                assertThat(flipped.get(n)).isEqualTo(inRange != bits[n]);
                assertThat(filled.get(n)).isEqualTo(inRange || bits[n]);
            }
        }
    }

    @Test
    void boundingBoxAndSliceCountsMatchBruteForce() {
        for (ImageGrid g : new ImageGrid[]{ImageGrid.axial(13, 7, 5, 1, 1, 1), ImageGrid.axial(100, 9, 6, 1, 1, 1),
                ImageGrid.axial(3, 50, 4, 1, 1, 1)}) {
            for (int t = 0; t < 50; t++) {
                boolean[] bits = randomBits(g.size(), t % 5 == 0 ? 0.002 : 0.02);
                BitMask m = maskOf(g, bits);
                int iMin = Integer.MAX_VALUE, iMax = -1, jMin = Integer.MAX_VALUE, jMax = -1, kMin = Integer.MAX_VALUE, kMax = -1;
                long[] slices = new long[g.nz()];
                for (int k = 0; k < g.nz(); k++) {
                    for (int j = 0; j < g.ny(); j++) {
                        for (int i = 0; i < g.nx(); i++) {
                            if (!bits[g.index(i, j, k)]) continue;
                            slices[k]++;
                            iMin = Math.min(iMin, i); iMax = Math.max(iMax, i);
                            jMin = Math.min(jMin, j); jMax = Math.max(jMax, j);
                            kMin = Math.min(kMin, k); kMax = Math.max(kMax, k);
                        }
                    }
                }
                assertThat(m.sliceCounts()).containsExactly(slices);
                if (iMax < 0) assertThat(m.boundingBox()).isNull();
                else assertThat(m.boundingBox()).isEqualTo(new BitMask.Box(iMin, iMax, jMin, jMax, kMin, kMax));
            }
        }
    }

    @Test
    void nextSetBitWalksTheSetVoxelsInOrder() {
        ImageGrid g = ImageGrid.axial(29, 5, 3, 1, 1, 1);
        boolean[] bits = randomBits(g.size(), 0.1);
        BitMask m = maskOf(g, bits);
        int expected = -1;
        int n = m.nextSetBit(0);
        for (int v = 0; v < g.size(); v++) {
            if (!bits[v]) continue;
            assertThat(n).isEqualTo(v);
            expected = v;
            n = m.nextSetBit(v + 1);
        }
        assertThat(n).isEqualTo(-1);
        assertThat(expected).isGreaterThanOrEqualTo(0);
        for (int t = 0; t < 500; t++) {
            int from = RANDOM.nextInt(g.size() + 1), to = from + RANDOM.nextInt(g.size() - from + 1);
            int first = -1;
            for (int v = from; v < to && first < 0; v++) if (bits[v]) first = v;
            assertThat(m.nextSetBit(from, to)).isEqualTo(first);
        }
    }

    @Test
    void volumeInMillilitres() {
        ImageGrid g = ImageGrid.axial(100, 100, 10, 0.5, 0.5, 2.0); // 0.5 mm³ per voxel
        BitMask m = new BitMask(g);
        m.setRange(0, 2000);
        assertThat(m.volumeMl()).isCloseTo(1.0, within(1e-12));
        assertThat(new BitMask(g).volumeMl()).isZero();
    }

    @Test
    void copyEqualsAndHashCode() {
        ImageGrid g = ImageGrid.axial(13, 7, 5, 1, 1, 1);
        BitMask a = maskOf(g, randomBits(g.size(), 0.4));
        BitMask c = a.copy();
        assertThat(c).isEqualTo(a).hasSameHashCodeAs(a);
        c.flip(3);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.get(3)).isNotEqualTo(c.get(3));
        BitMask otherGrid = new BitMask(ImageGrid.axial(13, 7, 5, 1, 1, 2));
        assertThat(new BitMask(g)).isNotEqualTo(otherGrid);
    }

    @Test
    void badInputGivesClearExceptions() {
        ImageGrid g = ImageGrid.axial(13, 7, 5, 1, 1, 1);
        BitMask m = new BitMask(g);
        assertThatThrownBy(() -> m.get(g.size())).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> m.set(13, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("outside the grid");
        assertThatThrownBy(() -> m.setRange(5, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.andCount(new BitMask(ImageGrid.axial(13, 7, 6, 1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different grids");
        assertThatThrownBy(() -> new BitMask(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid");
    }
}

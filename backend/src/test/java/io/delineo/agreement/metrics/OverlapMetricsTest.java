package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OverlapMetricsTest {
    private static final ImageGrid G = ImageGrid.axial(40, 20, 10, 0.5, 0.5, 2.0); // 0.5 mm³ voxels, 8000 of them

    private static BitMask range(int from, int to) {
        BitMask m = new BitMask(G);
        m.setRange(from, to);
        return m;
    }

    @Test
    void diceJaccardAndVolumesFromCounts() {
        BitMask a = range(0, 3000), b = range(1000, 5000); // |A|=3000 |B|=4000 |A∩B|=2000 |A∪B|=5000
        OverlapMetrics o = OverlapMetrics.of(a, b);
        assertThat(o.intersection()).isEqualTo(2000);
        assertThat(o.union()).isEqualTo(5000);
        assertThat(o.dice()).isEqualTo(4000.0 / 7000.0);
        assertThat(o.jaccard()).isEqualTo(0.4);
        assertThat(o.volumeAMl()).isCloseTo(1.5, within(1e-12));
        assertThat(o.volumeBMl()).isCloseTo(2.0, within(1e-12));
        assertThat(o.volumeDifferenceMl()).isCloseTo(0.5, within(1e-12));
        assertThat(o.swapped().volumeDifferenceMl()).isCloseTo(-0.5, within(1e-12));
        assertThat(o.absoluteVolumeDifferenceMl()).isCloseTo(0.5, within(1e-12));
        assertThat(o.relativeVolumeDifferencePercent()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(o.symmetricRelativeVolumeDifferencePercent()).isCloseTo(100.0 * 1000 / 3500, within(1e-12));
        // Dice and Jaccard are tied by J = D / (2 - D)
        assertThat(o.jaccard()).isCloseTo(o.dice() / (2 - o.dice()), within(1e-15));
        assertThat(o.emptyCase()).isEqualTo(EmptyCase.NONE);
    }

    @Test
    void identicalAndDisjointMasks() {
        assertThat(OverlapMetrics.of(range(10, 20), range(10, 20)).dice()).isEqualTo(1.0);
        assertThat(OverlapMetrics.of(range(10, 20), range(20, 30)).dice()).isZero();
    }

    @Test
    void emptyMaskConventions() {
        BitMask empty = new BitMask(G), some = range(0, 100);
        OverlapMetrics one = OverlapMetrics.of(empty, some);
        assertThat(one.emptyCase()).isEqualTo(EmptyCase.FIRST_EMPTY);
        assertThat(one.dice()).isZero();
        assertThat(one.jaccard()).isZero();
        assertThat(one.relativeVolumeDifferencePercent()).isNaN();
        assertThat(one.symmetricRelativeVolumeDifferencePercent()).isEqualTo(200.0);
        OverlapMetrics both = OverlapMetrics.of(empty, empty.copy());
        assertThat(both.emptyCase()).isEqualTo(EmptyCase.BOTH_EMPTY);
        assertThat(both.dice()).isNaN();
        assertThat(both.jaccard()).isNaN();
        assertThat(both.volumeDifferenceMl()).isZero();
        assertThat(both.symmetricRelativeVolumeDifferencePercent()).isNaN();
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> OverlapMetrics.of(null, range(0, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OverlapMetrics(5, 5, 6, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent");
    }

    @Test
    void sliceDiceProfile() {
        BitMask a = new BitMask(G), b = new BitMask(G);
        for (int i = 0; i < 10; i++) { a.set(i, 0, 2); b.set(i + 5, 0, 2); } // slice 2: 10,10, overlap 5
        a.set(0, 0, 4);                                                     // slice 4: only A
        SliceDiceProfile p = SliceDiceProfile.of(a, b);
        assertThat(p.sliceCount()).isEqualTo(10);
        assertThat(p.dice(2)).isEqualTo(0.5);
        assertThat(p.dice(4)).isZero();
        assertThat(p.dice(0)).isNaN();
        assertThat(p.intersection()[2]).isEqualTo(5);
        assertThat(p.swapped().voxelsA()).containsExactly(p.voxelsB());
    }
}

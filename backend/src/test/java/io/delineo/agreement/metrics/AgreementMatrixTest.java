package io.delineo.agreement.metrics;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgreementMatrixTest {
    private static final ImageGrid G = ImageGrid.axial(48, 44, 16, 0.7, 0.8, 2.0);

    private static List<BitMask> readers() {
        return List.of(SurfaceDistancesTest.blob(G, 1, 22, 21, 7.4, 9, 8, 10),
                SurfaceDistancesTest.blob(G, 2, 23.5, 20, 7.9, 10, 8, 9),
                SurfaceDistancesTest.blob(G, 3, 21, 22.3, 6.8, 8, 9, 11),
                // far from the others: exercises a large shared box
                SurfaceDistancesTest.blob(G, 4, 36, 32, 11, 4, 4, 4));
    }

    @Test
    void everyPairEqualsTheStandAlonePairComputation() {
        List<BitMask> r = readers();
        AgreementMatrix m = AgreementMatrix.compute(r);
        for (int a = 0; a < r.size(); a++) {
            for (int b = 0; b < r.size(); b++) {
                if (a == b) continue;
                PairwiseAgreement shared = m.pair(a, b), alone = PairwiseAgreement.of(r.get(a), r.get(b));
                assertThat(shared.overlap()).isEqualTo(alone.overlap());
                // the shared EDT runs on a bigger box: still exact, so equal to the last bit
                assertThat(shared.distances()).isEqualTo(alone.distances());
                assertThat(shared.sliceDice().dice()).containsExactly(alone.sliceDice().dice());
            }
        }
    }

    @Test
    void meanDiceAndGeneralizedConformityFromPairCounts() {
        List<BitMask> r = readers();
        AgreementMatrix m = AgreementMatrix.compute(r);
        double diceSum = 0;
        long inter = 0, union = 0;
        for (int a = 0; a < r.size(); a++) {
            for (int b = a + 1; b < r.size(); b++) {
                long i = r.get(a).andCount(r.get(b)), u = r.get(a).orCount(r.get(b));
                diceSum += 2.0 * i / (r.get(a).cardinality() + r.get(b).cardinality());
                inter += i;
                union += u;
            }
        }
        assertThat(m.meanPairwiseDice()).isCloseTo(diceSum / 6, within(1e-15));
        assertThat(m.generalizedConformityIndex()).isEqualTo((double) inter / union);
        double[][] d = m.diceMatrix();
        for (int a = 0; a < 4; a++) {
            assertThat(d[a][a]).isEqualTo(1.0);
            for (int b = 0; b < 4; b++) assertThat(d[a][b]).isEqualTo(d[b][a]);
        }
    }

    @Test
    void readersAgainstAConsensus() {
        List<BitMask> r = readers();
        BitMask consensus = r.get(0).or(r.get(1)).and(r.get(2));
        List<PairwiseAgreement> v = AgreementMatrix.compute(r).versus(consensus);
        assertThat(v).hasSize(4);
        assertThat(v.get(1).overlap().voxelsA()).isEqualTo(consensus.cardinality());
        assertThat(v.get(1).overlap().voxelsB()).isEqualTo(r.get(1).cardinality());
        assertThat(v.get(3).dice()).isZero(); // the distant reader does not touch the consensus
    }

    @Test
    void emptyReadersAreSkippedInTheMeanAndNaNOnTheDiagonal() {
        BitMask a = SurfaceDistancesTest.blob(G, 1, 22, 21, 7.4, 9, 8, 10);
        BitMask empty = new BitMask(G);
        AgreementMatrix m = AgreementMatrix.compute(List.of(a, empty, empty.copy()));
        assertThat(m.pair(0, 1).dice()).isZero();
        assertThat(m.pair(1, 2).dice()).isNaN();
        assertThat(m.pair(0, 1).hausdorffMm()).isNaN();
        assertThat(m.meanPairwiseDice()).isZero(); // pairs (0,1) and (0,2); (1,2) is undefined
        assertThat(m.diceMatrix()[1][1]).isNaN();
        AgreementMatrix none = AgreementMatrix.compute(List.of(empty, empty.copy()));
        assertThat(none.meanPairwiseDice()).isNaN();
        assertThat(none.generalizedConformityIndex()).isNaN();
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> AgreementMatrix.compute(List.of(new BitMask(G))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
        assertThatThrownBy(() -> AgreementMatrix.compute(List.of(new BitMask(G), new BitMask(ImageGrid.axial(4, 4, 4, 1, 1, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different grids");
        AgreementMatrix m = AgreementMatrix.compute(List.of(new BitMask(G), new BitMask(G)));
        assertThatThrownBy(() -> m.pair(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.delineo.agreement.consensus;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StapleTest {
    private static final ImageGrid G = ImageGrid.axial(60, 60, 20, 0.8, 0.8, 2.0);

    private static BitMask ball(double ci, double cj, double ck, double r) {
        BitMask m = new BitMask(G);
        for (int k = 0; k < G.nz(); k++) for (int j = 0; j < G.ny(); j++) for (int i = 0; i < G.nx(); i++) {
            double dx = (i - ci) * G.sx(), dy = (j - cj) * G.sy(), dz = (k - ck) * G.sz();
            if (dx * dx + dy * dy + dz * dz <= r * r) m.set(i, j, k);
        }
        return m;
    }

    @Test
    void identicalReadersGiveThatMaskAndPerfectScores() {
        BitMask truth = ball(30, 29, 10, 9);
        Staple.Result s = Staple.run(List.of(truth, truth.copy(), truth.copy()));
        assertThat(s.consensus()).isEqualTo(truth);
        assertThat(s.converged()).isTrue();
        for (int r = 0; r < 3; r++) {
            assertThat(s.sensitivity()[r]).isGreaterThan(1 - 1e-6);
            assertThat(s.specificity()[r]).isGreaterThan(1 - 1e-6);
        }
        assertThat(s.probability().get(30, 29, 10)).isGreaterThan(0.999f);
        assertThat(s.probability().get(0, 0, 0)).isZero(); // outside the region
    }

    @Test
    void aSupersetReaderKeepsSensitivityButLosesSpecificity() {
        BitMask truth = ball(30, 29, 10, 8), bigger = ball(30, 29, 10, 11);
        Staple.Result s = Staple.run(List.of(truth, truth.copy(), truth.copy(), bigger));
        assertThat(s.consensus()).isEqualTo(truth);
        assertThat(s.sensitivity()[3]).isGreaterThan(0.999);
        assertThat(s.specificity()[3]).isLessThan(s.specificity()[0] - 0.2);
        assertThat(s.specificity()[0]).isGreaterThan(0.999);
    }

    @Test
    void aNoiseReaderScoresBelowTheGoodReaders() {
        Random random = new Random(5);
        BitMask a = ball(30, 29, 10, 9), b = ball(30.5, 29, 10, 9), c = ball(29.5, 29.6, 10.2, 8.7);
        BitMask.Box box = a.or(b).or(c).boundingBox().expand(2, G);
        BitMask noise = new BitMask(G);
        for (int k = box.kMin(); k <= box.kMax(); k++) for (int j = box.jMin(); j <= box.jMax(); j++)
            for (int i = box.iMin(); i <= box.iMax(); i++) if (random.nextDouble() < 0.3) noise.set(i, j, k);
        Staple.Result s = Staple.run(List.of(a, b, c, noise));
        for (int good = 0; good < 3; good++) {
            assertThat(s.specificity()[3]).isLessThan(s.specificity()[good] - 0.1);
            assertThat(s.sensitivity()[3]).isLessThan(s.sensitivity()[good] - 0.3);
        }
        assertThat(MajorityVote.of(List.of(a, b, c)).xorCount(s.consensus()))
                .isLessThan(a.cardinality() / 50); // the noise barely moves the consensus
    }

    @Test
    void recoversKnownReaderPerformanceOfSimulatedReaders() {
        // readers drawn independently from a known truth with known sensitivity p and specificity q, inside a fixed box
        Random random = new Random(11);
        BitMask truth = ball(30, 30, 10, 10);
        BitMask.Box box = truth.boundingBox().expand(6, G);
        double[] p = {0.95, 0.85, 0.9, 0.7}, q = {0.98, 0.99, 0.9, 0.97};
        List<BitMask> readers = new ArrayList<>();
        for (int r = 0; r < p.length; r++) {
            BitMask m = new BitMask(G);
            for (int k = box.kMin(); k <= box.kMax(); k++) for (int j = box.jMin(); j <= box.jMax(); j++)
                for (int i = box.iMin(); i <= box.iMax(); i++) {
                    boolean t = truth.get(i, j, k);
                    if (t ? random.nextDouble() < p[r] : random.nextDouble() >= q[r]) m.set(i, j, k);
                }
            readers.add(m);
        }
        BitMask union = readers.get(0).or(readers.get(1)).or(readers.get(2)).or(readers.get(3));
        assertThat(union.boundingBox()).isEqualTo(box); // so margin 0 makes the region exactly the box
        Staple.Result s = Staple.run(readers, Staple.Options.DEFAULT.withMargin(0));
        for (int r = 0; r < p.length; r++) {
            assertThat(s.sensitivity()[r]).as("p of reader %d", r).isCloseTo(p[r], within(0.01));
            assertThat(s.specificity()[r]).as("q of reader %d", r).isCloseTo(q[r], within(0.01));
        }
        double truthFraction = (double) truth.cardinality() / box.voxelCount();
        // weighting readers by their estimated performance beats an unweighted vote at recovering the truth
        assertThat(s.consensus().xorCount(truth)).isLessThan(MajorityVote.of(readers).xorCount(truth));
        assertThat(s.priorForeground()).isGreaterThan(0).isLessThan(1);
        assertThat(truthFraction).isGreaterThan(0.1);
    }

    @Test
    void equalsAPlainVoxelwiseEm() {
        Random random = new Random(3);
        List<BitMask> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            BitMask m = ball(30 + random.nextGaussian(), 29 + random.nextGaussian(), 10, 7 + r);
            for (int n = 0; n < 300; n++) m.flip(G.index(20 + random.nextInt(20), 20 + random.nextInt(20), 5 + random.nextInt(10)));
            readers.add(m);
        }
        Staple.Options o = Staple.Options.DEFAULT;
        Staple.Result s = Staple.run(readers, o);

        // reference: the textbook voxel loop over the same region, same prior, start and stopping rule
        BitMask.Box region = readers.get(0).or(readers.get(1)).or(readers.get(2)).boundingBox().expand(o.marginVoxels(), G);
        List<boolean[]> d = new ArrayList<>();
        for (BitMask m : readers) {
            boolean[] v = new boolean[(int) region.voxelCount()];
            int n = 0;
            for (int k = region.kMin(); k <= region.kMax(); k++) for (int j = region.jMin(); j <= region.jMax(); j++)
                for (int i = region.iMin(); i <= region.iMax(); i++) v[n++] = m.get(i, j, k);
            d.add(v);
        }
        int voxels = (int) region.voxelCount();
        double votes = 0;
        for (boolean[] v : d) for (boolean x : v) if (x) votes++;
        double gamma = votes / (3.0 * voxels);
        double[] p = {0.99, 0.99, 0.99}, q = {0.99, 0.99, 0.99}, w = new double[voxels];
        int iterations = 0;
        double change;
        do {
            iterations++;
            for (int n = 0; n < voxels; n++) {
                double a = gamma, b = 1 - gamma;
                for (int r = 0; r < 3; r++) {
                    a *= d.get(r)[n] ? p[r] : 1 - p[r];
                    b *= d.get(r)[n] ? 1 - q[r] : q[r];
                }
                w[n] = a / (a + b);
            }
            change = 0;
            for (int r = 0; r < 3; r++) {
                double sw = 0, swd = 0, snw = 0, snwnd = 0;
                for (int n = 0; n < voxels; n++) {
                    sw += w[n];
                    snw += 1 - w[n];
                    if (d.get(r)[n]) swd += w[n];
                    else snwnd += 1 - w[n];
                }
                change = Math.max(change, Math.max(Math.abs(swd / sw - p[r]), Math.abs(snwnd / snw - q[r])));
                p[r] = swd / sw;
                q[r] = snwnd / snw;
            }
        } while (change > o.epsilon() && iterations < o.maxIterations());

        assertThat(s.iterations()).isEqualTo(iterations);
        for (int r = 0; r < 3; r++) {
            assertThat(s.sensitivity()[r]).isCloseTo(p[r], within(1e-10));
            assertThat(s.specificity()[r]).isCloseTo(q[r], within(1e-10));
        }
        float[] map = s.probability().values();
        for (int n = 0; n < voxels; n++) {
            // W of the converged parameters (one more E-step than the reference ran: differences below epsilon)
            assertThat((double) map[n]).isCloseTo(w[n], within(1e-6));
        }
        assertThat(Arrays.stream(p).min().orElseThrow()).isGreaterThan(0.5);
    }

    @Test
    void optionsAndBadInput() {
        BitMask a = ball(30, 30, 10, 5);
        Staple.Result fixedPrior = Staple.run(List.of(a, a.copy()), Staple.Options.DEFAULT.withPrior(0.3));
        assertThat(fixedPrior.priorForeground()).isEqualTo(0.3);
        assertThatThrownBy(() -> Staple.run(List.of(new BitMask(G), new BitMask(G))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        List<BitMask> many = new ArrayList<>();
        for (int r = 0; r < 21; r++) many.add(a);
        assertThatThrownBy(() -> Staple.run(many)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("up to 20");
        assertThatThrownBy(() -> Staple.Options.DEFAULT.withPrior(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Staple.Options(1.0, 0.9, Double.NaN, 1e-8, 10, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

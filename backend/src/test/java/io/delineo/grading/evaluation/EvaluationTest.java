package io.delineo.grading.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {
    /** Independent oracle: Mann-Whitney U over all positive-negative pairs, ties one half. */
    static double mannWhitneyAuc(double[] s, boolean[] pos) {
        double u = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            if (!pos[i]) continue;
            for (int j = 0; j < s.length; j++) {
                if (pos[j]) continue;
                pairs++;
                if (s[i] > s[j]) u += 1;
                else if (s[i] == s[j]) u += 0.5;
            }
        }
        return u / pairs;
    }

    @Test
    void aucEqualsTheMannWhitneyStatisticWithManyTies() {
        Random r = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + r.nextInt(80);
            double[] s = new double[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                pos[i] = i < 2 || (i >= 2 && i < 4 ? false : r.nextBoolean());
                s[i] = Math.round((r.nextGaussian() + (pos[i] ? 0.7 : 0)) * 3) / 3.0; // coarse grid → ties
            }
            pos[0] = true;
            pos[2] = false;
            assertThat(RocCurve.auc(s, pos)).isCloseTo(mannWhitneyAuc(s, pos), within(1e-12));
        }
    }

    @Test
    void handWorkedRocCurve() {
        // scores 0.9(P) 0.8(N) 0.7(P) 0.7(N) 0.2(N); pairs P>N: 0.9 beats 3, 0.7(P) beats 0.2 and ties 0.7(N): 3 + 1.5
        double[] s = {0.9, 0.8, 0.7, 0.7, 0.2};
        boolean[] pos = {true, false, true, false, false};
        RocCurve c = RocCurve.of(s, pos);
        assertThat(c.auc()).isCloseTo(4.5 / 6, within(1e-15));
        assertThat(c.points()).extracting(RocPoint::falsePositiveRate, RocPoint::truePositiveRate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.0, 0.0), org.assertj.core.groups.Tuple.tuple(0.0, 0.5),
                org.assertj.core.groups.Tuple.tuple(1.0 / 3, 0.5), org.assertj.core.groups.Tuple.tuple(2.0 / 3, 1.0),
                org.assertj.core.groups.Tuple.tuple(1.0, 1.0));
        assertThatThrownBy(() -> RocCurve.of(new double[]{1, 2}, new boolean[]{true, true}))
                .hasMessageContaining("needs positive and negative");
    }

    @Test
    void calibrationAndBrierAgainstHandValues() {
        double[] p = {0.05, 0.15, 0.55, 0.95, 1.0};
        boolean[] y = {false, true, true, true, false};
        Calibration c = Calibration.of(p, y, 2);
        // bin [0,0.5): 0.05, 0.15 -> mean 0.1, observed 1/2; bin [0.5,1]: 0.55, 0.95, 1.0 -> mean 0.8333, observed 2/3
        assertThat(c.bins().get(0).count()).isEqualTo(2);
        assertThat(c.bins().get(0).meanPredicted()).isCloseTo(0.1, within(1e-12));
        assertThat(c.bins().get(0).observedFraction()).isEqualTo(0.5);
        assertThat(c.bins().get(1).meanPredicted()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(c.bins().get(1).observedFraction()).isCloseTo(2.0 / 3, within(1e-12));
        // Brier: (0.05² + 0.85² + 0.45² + 0.05² + 1²) / 5 = (0.0025 + 0.7225 + 0.2025 + 0.0025 + 1) / 5 = 1.93 / 5
        assertThat(c.brier()).isCloseTo(1.93 / 5, within(1e-12));
        // multi-class Brier of two classes is twice the binary one
        double[][] two = new double[p.length][];
        int[] truth = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            two[i] = new double[]{1 - p[i], p[i]};
            truth[i] = y[i] ? 1 : 0;
        }
        assertThat(Calibration.multiclassBrier(two, truth)).isCloseTo(2 * 1.93 / 5, within(1e-12));
        assertThat(Calibration.of(new double[]{0.2}, new boolean[]{true}, 5).bins().get(4).count()).isZero();
    }

    @Test
    void confusionMatrixAndRates() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("G1", "G2", "G3"), new int[]{0, 0, 1, 1, 2, 2, 2}, new int[]{0, 1, 1, 1, 2, 0, 2});
        assertThat(m.counts()).isEqualTo(new int[][]{{1, 1, 0}, {0, 2, 0}, {1, 0, 2}});
        assertThat(m.accuracy()).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(m.sensitivity(2)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.specificity(1)).isCloseTo(4.0 / 5, within(1e-15)); // 5 non-G2 cases, one called G2
    }

    @Test
    void bootstrapIsStratifiedDeterministicAndBracketsTheEstimate() {
        Random r = new Random(9);
        int n = 60;
        double[][] probs = new double[n][];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3;
            double[] z = {r.nextGaussian() + (truth[i] == 0 ? 1 : 0), r.nextGaussian() + (truth[i] == 1 ? 1 : 0), r.nextGaussian() + (truth[i] == 2 ? 1 : 0)};
            double sum = 0;
            for (int c = 0; c < 3; c++) sum += z[c] = Math.exp(z[c]);
            for (int c = 0; c < 3; c++) z[c] /= sum;
            probs[i] = z;
        }
        ClassifierEvaluation a = ClassifierEvaluation.evaluate(probs, truth, List.of("G1", "G2", "G3"), 500, 7, 10);
        ClassifierEvaluation b = ClassifierEvaluation.evaluate(probs, truth, List.of("G1", "G2", "G3"), 500, 7, 10);
        assertThat(a.microAuc()).isEqualTo(b.microAuc());
        assertThat(a.microAuc().skippedResamples()).isZero(); // stratified: every resample keeps all classes
        assertThat(a.microAuc().lower()).isLessThan(a.microAuc().estimate()).isGreaterThan(0.4);
        assertThat(a.microAuc().upper()).isGreaterThan(a.microAuc().estimate()).isLessThanOrEqualTo(1.0);
        // micro-average = AUC of all case-class pairs, checked with the pairwise oracle
        double[] s = new double[n * 3];
        boolean[] pos = new boolean[n * 3];
        for (int i = 0; i < n; i++) for (int c = 0; c < 3; c++) {
            s[i * 3 + c] = probs[i][c];
            pos[i * 3 + c] = truth[i] == c;
        }
        assertThat(a.microAverage().auc()).isCloseTo(mannWhitneyAuc(s, pos), within(1e-12));
        assertThat(a.microAuc().estimate()).isCloseTo(a.microAverage().auc(), within(1e-12));
    }
}

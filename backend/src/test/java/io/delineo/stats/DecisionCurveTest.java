package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecisionCurveTest {

    @Test
    void netBenefitMatchesVickersAndElkinByHand() {
        // 10 cases, 4 events (prevalence 0.4); treated when risk >= threshold
        boolean[] outcome = {true, true, false, true, false, true, false, false, false, false};
        double[] risk = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
        DecisionCurve.Point[] curve = DecisionCurve.curve(outcome, risk, new double[] {0.2, 0.3, 0.5, 0.75});
        // pt 0.2: 8 treated, TP 4, FP 4: 4/10 - 4/10 · 0.25 = 0.30; treat-all 0.4 - 0.6 · 0.25 = 0.25
        assertPoint(curve[0], 4, 4, 0.30, 0.25);
        // pt 0.3: 7 treated, TP 4, FP 3: 0.4 - 0.3 · 3/7 = 0.271429; treat-all 0.4 - 0.6 · 3/7 = 0.142857
        assertPoint(curve[1], 4, 3, 0.4 - 0.3 * 3 / 7.0, 0.4 - 0.6 * 3 / 7.0);
        // pt 0.5: 5 treated, TP 3, FP 2: 0.3 - 0.2 · 1 = 0.10; treat-all 0.4 - 0.6 = -0.20
        assertPoint(curve[2], 3, 2, 0.10, -0.20);
        // pt 0.75: 2 treated, TP 2, FP 0: 0.20; treat-all 0.4 - 0.6 · 3 = -1.40
        assertPoint(curve[3], 2, 0, 0.20, -1.40);
        for (DecisionCurve.Point p : curve) assertThat(p.treatNone()).isZero();
    }

    @Test
    void thresholdGridAndArgumentChecks() {
        double[] grid = DecisionCurve.thresholds(0.01, 0.99, 0.01);
        assertThat(grid).hasSize(99);
        assertThat(grid[98]).isCloseTo(0.99, within(1e-12));
        assertThatThrownBy(() -> DecisionCurve.curve(new boolean[] {true}, new double[] {0.5}, new double[] {1.0}))
                .hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> DecisionCurve.curve(new boolean[] {true}, new double[] {1.5}, new double[] {0.5}))
                .hasMessageContaining("[0, 1]");
    }

    private static void assertPoint(DecisionCurve.Point p, int tp, int fp, double model, double treatAll) {
        assertThat(p.truePositives()).isEqualTo(tp);
        assertThat(p.falsePositives()).isEqualTo(fp);
        assertThat(p.model()).isCloseTo(model, within(1e-12));
        assertThat(p.treatAll()).isCloseTo(treatAll, within(1e-12));
    }
}

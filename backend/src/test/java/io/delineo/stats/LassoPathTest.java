package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LassoPathTest {
    /**
     * Agreement asked of scikit-learn's SAGA solver (tol 1e-12, fixed random_state); the two agree to about 1e-10 here.
     * At λ_max itself SAGA's relative stopping rule can stop early with all weights at 0 (its intercept then depends on
     * the random_state), so that point is checked by hand instead: intercept logit(ȳ), no coefficient.
     */
    static final double COEFFICIENT_TOLERANCE = 1e-6;

    record Data(double[][] x, boolean[] y) { }

    static Data data(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) for (int j = 0; j < p; j++) row[j] = random.nextGaussian();
        for (int j = 0; j < p; j++) { // standardise (population SD), as a caller would
            double mean = 0, ss = 0;
            for (double[] row : x) mean += row[j] / n;
            for (double[] row : x) ss += (row[j] - mean) * (row[j] - mean);
            double sd = Math.sqrt(ss / n);
            for (double[] row : x) row[j] = (row[j] - mean) / sd;
        }
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double eta = 0.3 + 1.2 * x[i][0] - 0.8 * x[i][1] + 0.3 * x[i][2];
            y[i] = random.nextDouble() < BoundedIntervals.expit(eta);
        }
        return new Data(x, y);
    }

    @Test
    void pathMatchesScikitLearnL1LogisticRegression() {
        Data d = data(80, 6, 1L);
        double[] lambdas = LassoPath.lambdaGrid(d.x(), d.y(), 6, 0.02);
        List<LassoPath.Fit> path = LassoPath.path(d.x(), d.y(), lambdas);
        JsonNode ref = PythonOracle.run("""
                from sklearn.linear_model import LogisticRegression
                X = np.array(data['x']); y = np.array(data['y']).astype(int); n = len(y)
                out = []
                for lam in data['lambdas'][1:]:
                    # sklearn minimises ||w||_1 + C Σ logloss; ours is (1/n) Σ logloss + λ||w||_1, so C = 1 / (n λ)
                    m = LogisticRegression(penalty='l1', C=1 / (n * lam), solver='saga', tol=1e-12, max_iter=100000,
                                           random_state=0).fit(X, y)
                    out.append([float(m.intercept_[0])] + [float(c) for c in m.coef_[0]])
                print(json.dumps(out))
                """, Map.of("x", d.x(), "y", d.y(), "lambdas", lambdas));
        int events = 0;
        for (boolean v : d.y()) if (v) events++;
        assertThat(path.get(0).intercept()).isCloseTo(Math.log(events / (80.0 - events)), within(1e-9));
        for (int k = 1; k < lambdas.length; k++) {
            LassoPath.Fit fit = path.get(k);
            double[] expected = PythonOracle.doubles(ref.get(k - 1));
            assertThat(fit.intercept()).as("intercept at λ=%s", lambdas[k]).isCloseTo(expected[0], within(COEFFICIENT_TOLERANCE));
            for (int j = 0; j < 6; j++) {
                assertThat(fit.coefficients()[j]).as("β%d at λ=%s", j + 1, lambdas[k]).isCloseTo(expected[j + 1], within(COEFFICIENT_TOLERANCE));
                if (expected[j + 1] == 0) assertThat(fit.coefficients()[j]).as("β%d is exactly 0 where sklearn's is", j + 1).isZero();
            }
            // ours is the minimum: no worse than sklearn's solution on the same objective
            double[] sk = java.util.Arrays.copyOfRange(expected, 1, 7);
            assertThat(fit.objective()).isLessThanOrEqualTo(LassoPath.objective(d.x(), d.y(), lambdas[k], expected[0], sk) + 1e-12);
        }
        assertThat(path.get(0).nonZero()).as("λ_max leaves every coefficient at 0").isZero();
        assertThat(path.get(lambdas.length - 1).nonZero()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void refusesOneOutcomeOnly() {
        assertThatThrownBy(() -> LassoPath.fit(new double[][] {{1}, {2}}, new boolean[] {true, true}, 0.1))
                .hasMessageContaining("both outcomes (have 2 of 2 positive)");
        assertThatThrownBy(() -> LassoPath.fit(new double[][] {{1}, {Double.NaN}}, new boolean[] {true, false}, 0.1))
                .hasMessageContaining("feature 1 of case 2");
    }
}

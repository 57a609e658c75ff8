package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedIntervalsTest {

    @Test
    void wilsonMatchesNewcombe1998TableI() {
        // Newcombe (1998) Stat Med 17:857, Table I, method 3 (score interval without continuity correction)
        assertInterval(BoundedIntervals.wilson(81, 263, 0.95), 0.2553, 0.3662, 5e-5);
        assertInterval(BoundedIntervals.wilson(15, 148, 0.95), 0.0624, 0.1605, 5e-5);
        assertInterval(BoundedIntervals.wilson(0, 20, 0.95), 0.0, 0.1611, 5e-5);
        assertInterval(BoundedIntervals.wilson(1, 29, 0.95), 0.0061, 0.1718, 5e-5);
        assertThat(BoundedIntervals.wilson(0, 20, 0.95).lower()).isEqualTo(0.0);
        assertThat(BoundedIntervals.wilson(7, 7, 0.95).upper()).isEqualTo(1.0);
    }

    @Test
    void wilsonMatchesScipyBinomtest() {
        int[][] cases = {{0, 1}, {1, 2}, {2, 2}, {3, 10}, {81, 263}, {499, 500}, {17, 40}};
        double[] levels = {0.9, 0.95, 0.99};
        JsonNode ref = PythonOracle.run("""
                from scipy.stats import binomtest
                out = []
                for k, n in data['cases']:
                    for lv in data['levels']:
                        ci = binomtest(k, n).proportion_ci(confidence_level=lv, method='wilson')
                        out.append([ci.low, ci.high])
                print(json.dumps(out))
                """, Map.of("cases", cases, "levels", levels));
        int r = 0;
        for (int[] c : cases) {
            for (double level : levels) {
                Interval ours = BoundedIntervals.wilson(c[0], c[1], level);
                assertInterval(ours, ref.get(r).get(0).asDouble(), ref.get(r).get(1).asDouble(), 1e-9);
                r++;
            }
        }
    }

    @Test
    void fisherZMatchesScipyPearsonrInterval() {
        SplittableRandom random = new SplittableRandom(7);
        List<double[][]> samples = new ArrayList<>();
        for (int n : new int[] {5, 12, 40}) {
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble();
                y[i] = 0.6 * x[i] + 0.4 * random.nextDouble();
            }
            samples.add(new double[][] {x, y});
        }
        JsonNode ref = PythonOracle.run("""
                from scipy.stats import pearsonr
                out = []
                for x, y in data:
                    res = pearsonr(x, y)
                    ci = res.confidence_interval(0.95)
                    out.append([res.statistic, ci.low, ci.high])
                print(json.dumps(out))
                """, samples);
        for (int s = 0; s < samples.size(); s++) {
            double r = ref.get(s).get(0).asDouble();
            Interval ours = BoundedIntervals.fisherZ(r, samples.get(s)[0].length, 0.95);
            assertInterval(ours, ref.get(s).get(1).asDouble(), ref.get(s).get(2).asDouble(), 1e-9);
        }
    }

    @Test
    void logitIntervalsMatchTheirFormulaAndStayInsideTheUnitInterval() {
        double[] dice = {0.91, 0.62, 0.97, 0.35, 0.88, 0.99};
        JsonNode ref = PythonOracle.run("""
                from scipy.special import logit, expit
                from scipy.stats import norm, t
                m, se = 0.93, 0.06
                z = norm.ppf(0.975)
                a = [expit(logit(m) - z * se / (m * (1 - m))), expit(logit(m) + z * se / (m * (1 - m)))]
                v = np.array(data)
                mean = v.mean(); s = v.std(ddof=1) / np.sqrt(len(v)); q = t.ppf(0.975, len(v) - 1)
                b = [expit(logit(mean) - q * s / (mean * (1 - mean))), expit(logit(mean) + q * s / (mean * (1 - mean)))]
                print(json.dumps([a, b]))
                """, dice);
        Interval a = BoundedIntervals.logit(0.93, 0.06, 0.95);
        assertInterval(a, ref.get(0).get(0).asDouble(), ref.get(0).get(1).asDouble(), 1e-12);
        assertThat(a.upper()).isLessThan(1.0); // the Wald interval 0.93 ± 0.118 would reach 1.048
        Interval b = BoundedIntervals.logitOfMean(dice, 0.95);
        // commons-math's Student t CDF is accurate to about 3e-11, so its quantile (and this bound) to about 1e-9
        assertInterval(b, ref.get(1).get(0).asDouble(), ref.get(1).get(1).asDouble(), 1e-9);
        assertThat(b.lower()).isGreaterThan(0.0);
        assertThat(b.upper()).isLessThan(1.0);
        assertThatThrownBy(() -> BoundedIntervals.logitOfMean(new double[] {1, 1, 1}, 0.95))
                .hasMessageContaining("strictly inside (0, 1)");
    }

    @Test
    void fisherZDeltaMethodStaysInsideMinusOneToOne() {
        Interval icc = BoundedIntervals.fisherZ(0.95, 0.08, 0.95);
        assertThat(icc.upper()).isLessThan(1.0);
        assertThat(icc.lower()).isGreaterThan(-1.0);
        // atanh(0.95) ± 1.96 · 0.08 / (1 - 0.95²)
        double zc = 0.5 * Math.log(1.95 / 0.05), half = BoundedIntervals.z(0.95) * 0.08 / (1 - 0.95 * 0.95);
        assertInterval(icc, Math.tanh(zc - half), Math.tanh(zc + half), 1e-15);
    }

    @Test
    void percentileQuantilesMatchNumpy() {
        double[] sorted = {0.1, 0.2, 0.2, 0.5, 0.7, 0.71, 0.9};
        double[] qs = {0, 0.025, 0.3, 0.5, 0.975, 1};
        JsonNode ref = PythonOracle.run("print(json.dumps(list(np.percentile(data['v'], [100 * q for q in data['q']]))))",
                Map.of("v", sorted, "q", qs));
        for (int i = 0; i < qs.length; i++) {
            assertThat(BoundedIntervals.PercentileBootstrap.quantile(sorted, qs[i])).isCloseTo(ref.get(i).asDouble(), within(1e-14));
        }
    }

    @Test
    void bootstrapIsDeterministicAndStaysInsideTheStatisticsRange() {
        double[] dice = {0.98, 0.99, 0.97, 1.0, 0.96, 0.99, 1.0, 0.95};
        Interval first = BoundedIntervals.PercentileBootstrap.of(dice, BoundedIntervals::mean, 2000, 42L, 0.95);
        Interval again = BoundedIntervals.PercentileBootstrap.of(dice, BoundedIntervals::mean, 2000, 42L, 0.95);
        assertThat(again).isEqualTo(first);
        assertThat(first.lower()).isGreaterThanOrEqualTo(0.95);
        assertThat(first.upper()).isLessThanOrEqualTo(1.0);
        assertThat(first.contains(BoundedIntervals.mean(dice))).isTrue();
        Interval otherSeed = BoundedIntervals.PercentileBootstrap.of(dice, BoundedIntervals::mean, 2000, 43L, 0.95);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void bootstrapCoverageOfAMeanIsNearNominal() {
        // 300 seeded samples of n = 40 from Beta-like bounded data with known mean 0.5: the 95 % percentile interval
        // should contain the mean in roughly 95 % of samples (binomial sd ≈ 1.3 %); deterministic for these seeds.
        SplittableRandom random = new SplittableRandom(2024);
        int covered = 0, trials = 300;
        for (int t = 0; t < trials; t++) {
            double[] v = new double[40];
            for (int i = 0; i < v.length; i++) v[i] = (random.nextDouble() + random.nextDouble()) / 2;
            Interval ci = BoundedIntervals.PercentileBootstrap.of(v, BoundedIntervals::mean, 400, t, 0.95);
            if (ci.contains(0.5)) covered++;
        }
        assertThat(covered / (double) trials).isBetween(0.90, 0.98);
    }

    @Test
    void bootstrapRedrawsResamplesWhereTheStatisticIsUndefined() {
        AtomicInteger undefined = new AtomicInteger();
        Interval ci = BoundedIntervals.PercentileBootstrap.ofIndices(10, idx -> {
            if (idx[0] == 0) {
                undefined.incrementAndGet();
                return Double.NaN;
            }
            return idx.length;
        }, 500, 1L, 0.95);
        assertThat(undefined.get()).isPositive();
        assertThat(ci.lower()).isEqualTo(10.0);
        assertThatThrownBy(() -> BoundedIntervals.PercentileBootstrap.ofIndices(10, idx -> Double.NaN, 500, 1L, 0.95))
                .hasMessageContaining("undefined on most resamples");
        assertThatThrownBy(() -> BoundedIntervals.PercentileBootstrap.of(new double[] {1, 2}, BoundedIntervals::mean, 50, 1L, 0.95))
                .hasMessageContaining("at least 200");
    }

    @Test
    void minimumSampleReplacesTheNumberBelowTheRule() {
        MinimumSample rule = MinimumSample.cases(10);
        AtomicInteger computed = new AtomicInteger();
        Estimate tooFew = rule.apply(2, () -> {
            computed.incrementAndGet();
            return new Estimate.Value(1.0, new Interval(1, 1, 0.95, "test"), 2);
        });
        assertThat(computed.get()).isZero();
        assertThat(tooFew).isInstanceOf(Estimate.TooFewCases.class);
        assertThat(((Estimate.TooFewCases) tooFew).message()).isEqualTo("too few cases (n = 2; needs \u2265 10)");
        Estimate enough = rule.apply(12, () -> new Estimate.Value(0.4, BoundedIntervals.wilson(5, 12, 0.95), 12));
        assertThat(enough).isInstanceOfSatisfying(Estimate.Value.class, v -> assertThat(v.estimate()).isEqualTo(0.4));
        assertThat(new MinimumSample(5, "pairs").apply(3, () -> null)).hasToString(
                "TooFewCases[n=3, minimum=5, what=pairs]");
        assertThatThrownBy(() -> MinimumSample.cases(0)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> rule.apply(12, () -> new Estimate.Value(0.4, BoundedIntervals.wilson(5, 11, 0.95), 11)))
                .hasMessageContaining("n = 11");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> BoundedIntervals.wilson(5, 4, 0.95)).hasMessageContaining("between 0 and n = 4");
        assertThatThrownBy(() -> BoundedIntervals.wilson(0, 0, 0.95)).hasMessageContaining("at least one case");
        assertThatThrownBy(() -> BoundedIntervals.wilson(1, 4, 1.0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> BoundedIntervals.fisherZ(0.5, 3, 0.95)).hasMessageContaining("at least 4 pairs");
        assertThatThrownBy(() -> BoundedIntervals.logitOfMean(new double[] {0.5, 1.2}, 0.95)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new Interval(0.6, 0.4, 0.95, "x")).hasMessageContaining("exceeds");
    }

    private static void assertInterval(Interval actual, double lower, double upper, double tolerance) {
        assertThat(actual.lower()).as("lower bound").isCloseTo(lower, within(tolerance));
        assertThat(actual.upper()).as("upper bound").isCloseTo(upper, within(tolerance));
    }
}

package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KappaTest {

    /**
     * Fleiss (1971) Psychol Bull 76:378, Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression,
     * personality disorder, schizophrenia, neurosis, other); cell = how many of the 6 chose that diagnosis.
     */
    static final int[][] FLEISS_1971 = {
            {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
            {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
            {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
            {0, 0, 5, 0, 1}, {3, 0, 0, 1, 2}, {5, 1, 0, 0, 0}, {0, 2, 0, 4, 0}, {1, 0, 2, 0, 3},
            {0, 0, 0, 0, 6}, {0, 1, 0, 5, 0}, {0, 2, 0, 1, 3}, {2, 0, 0, 4, 0}, {1, 0, 0, 4, 1},
            {0, 5, 0, 1, 0}, {4, 0, 0, 0, 2}, {0, 2, 0, 4, 0}, {1, 0, 5, 0, 0}, {0, 0, 0, 0, 6}};

    @Test
    void fleissKappaReproducesFleiss1971() {
        Kappa.Fleiss f = Kappa.fleiss(FLEISS_1971, 0.95, 2000, 11L);
        // published: κ = 0.430; per diagnosis 0.245, 0.245, 0.520, 0.471, 0.566; z = 17.7 (SE of Fleiss, Nee & Landis 1979)
        assertThat(f.kappa()).isCloseTo(0.430, within(5e-4));
        assertThat(f.categoryKappas()).containsExactly(new double[] {0.245, 0.245, 0.520, 0.471, 0.566}, within(5e-4));
        assertThat(f.z()).isCloseTo(17.7, within(0.05));
        assertThat(f.pValue()).isLessThan(1e-10);
        assertThat(f.subjects()).isEqualTo(30);
        assertThat(f.raters()).isEqualTo(6);
        assertThat(f.interval().contains(f.kappa())).isTrue();
        assertThat(f.interval().lower()).isGreaterThan(0.2);
        assertThat(f.interval().upper()).isLessThan(0.7);
        assertThat(Kappa.fleiss(FLEISS_1971, 0.95, 2000, 11L).interval()).isEqualTo(f.interval());
    }

    @Test
    void weightedKappaReproducesCohen1968() {
        // Cohen (1968) Psychol Bull 70:213, Table 1: N = 200, personality disorder / neurosis / psychosis,
        // observed proportions; ratio-scaled disagreement weights 1 (PD-N), 3 (PD-P), 6 (N-P). Cohen reports
        // κ = .49 unweighted and κ_w = .35.
        double[][] counts = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        double[][] disagreement = {{0, 1, 3}, {1, 0, 6}, {3, 6, 0}};
        double[][] agreement = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) agreement[i][j] = 1 - disagreement[i][j] / 6.0;
        Kappa.Cohen weighted = Kappa.cohen(counts, agreement, 0.95);
        Kappa.Cohen plain = Kappa.cohen(counts, Kappa.Weighting.NONE.weights(3), 0.95);
        assertThat(plain.kappa()).isCloseTo(0.49, within(0.005));
        assertThat(plain.kappa()).isCloseTo(0.29 / 0.59, within(1e-12)); // p_o = .70, p_e = .41
        assertThat(weighted.kappa()).isCloseTo(0.35, within(0.005));
        assertThat(weighted.kappa()).isCloseTo(1 - 0.90 / 1.38, within(1e-12)); // Σ v p_o = .90, Σ v p_e = 1.38
        assertThat(weighted.n()).isEqualTo(200);
    }

    @Test
    void cohenKappaMatchesScikitLearnAndItsStandardErrorMatchesAnIndependentImplementation() {
        SplittableRandom random = new SplittableRandom(99);
        List<Map<String, Object>> sets = new ArrayList<>();
        int[][] shapes = {{3, 20}, {4, 57}, {5, 200}, {2, 33}, {6, 90}};
        for (int[] shape : shapes) {
            int k = shape[0], n = shape[1];
            int[] a = new int[n], b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(k);
                // rater B agrees often, otherwise drifts by one category or guesses
                double u = random.nextDouble();
                b[i] = u < 0.6 ? a[i] : u < 0.85 ? Math.max(0, Math.min(k - 1, a[i] + (random.nextBoolean() ? 1 : -1))) : random.nextInt(k);
            }
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("k", k);
            set.put("a", a);
            set.put("b", b);
            sets.add(set);
        }
        JsonNode ref = PythonOracle.run("""
                from sklearn.metrics import cohen_kappa_score
                def fce_se(a, b, k, w):
                    # Fleiss, Cohen & Everitt (1969), written from the paper's cell-wise form
                    n = len(a)
                    p = np.zeros((k, k))
                    for x, y in zip(a, b): p[x, y] += 1
                    p /= n
                    r, c = p.sum(1), p.sum(0)
                    po = (w * p).sum(); pe = (w * np.outer(r, c)).sum()
                    kap = (po - pe) / (1 - pe)
                    wi = w @ c          # w̄_i. = Σ_j p_.j w_ij
                    wj = r @ w          # w̄_.j = Σ_i p_i. w_ij
                    total = 0.0
                    for i in range(k):
                        for j in range(k):
                            total += p[i, j] * (w[i, j] - (wi[i] + wj[j]) * (1 - kap)) ** 2
                    return np.sqrt((total - (kap - pe * (1 - kap)) ** 2) / (n * (1 - pe) ** 2))
                def unweighted_se(a, b, k):
                    # the unweighted special case as printed in the 1969 paper
                    n = len(a)
                    p = np.zeros((k, k))
                    for x, y in zip(a, b): p[x, y] += 1
                    p /= n
                    r, c = p.sum(1), p.sum(0)
                    po, pe = np.trace(p), (r * c).sum()
                    kap = (po - pe) / (1 - pe)
                    diag = sum(p[i, i] * (1 - (r[i] + c[i]) * (1 - kap)) ** 2 for i in range(k))
                    off = (1 - kap) ** 2 * sum(p[i, j] * (c[i] + r[j]) ** 2 for i in range(k) for j in range(k) if i != j)
                    return np.sqrt((diag + off - (kap - pe * (1 - kap)) ** 2) / (n * (1 - pe) ** 2))
                out = []
                for s in data:
                    k, a, b = s['k'], s['a'], s['b']
                    labels = list(range(k))
                    d = np.abs(np.subtract.outer(np.arange(k), np.arange(k))) / (k - 1)
                    row = {}
                    for name, wt, w in [('NONE', None, np.eye(k)), ('LINEAR', 'linear', 1 - d), ('QUADRATIC', 'quadratic', 1 - d ** 2)]:
                        row[name] = [cohen_kappa_score(a, b, labels=labels, weights=wt), fce_se(a, b, k, w)]
                    row['unweighted_se'] = unweighted_se(a, b, k)
                    out.append(row)
                print(json.dumps(out))
                """, sets);
        for (int s = 0; s < sets.size(); s++) {
            int k = (int) sets.get(s).get("k");
            int[] a = (int[]) sets.get(s).get("a"), b = (int[]) sets.get(s).get("b");
            for (Kappa.Weighting w : Kappa.Weighting.values()) {
                Kappa.Cohen ours = Kappa.cohen(a, b, k, w, 0.95);
                JsonNode expected = ref.get(s).get(w.name());
                assertThat(ours.kappa()).as("kappa %s set %d", w, s).isCloseTo(expected.get(0).asDouble(), within(1e-9));
                assertThat(ours.standardError()).as("SE %s set %d", w, s).isCloseTo(expected.get(1).asDouble(), within(1e-12));
                assertThat(ours.interval().lower()).isGreaterThanOrEqualTo(-1);
                assertThat(ours.interval().upper()).isLessThanOrEqualTo(1);
            }
            assertThat(Kappa.cohen(a, b, k, Kappa.Weighting.NONE, 0.95).standardError())
                    .isCloseTo(ref.get(s).get("unweighted_se").asDouble(), within(1e-12));
        }
    }

    @Test
    void intervalIsClippedToMinusOneToOne() {
        int[] a = {0, 0, 0, 1, 1, 1, 2, 2};
        int[] b = {0, 0, 0, 1, 1, 1, 2, 1};
        Kappa.Cohen c = Kappa.cohen(a, b, 3, Kappa.Weighting.NONE, 0.95);
        assertThat(c.kappa() + BoundedIntervals.z(0.95) * c.standardError()).isGreaterThan(1);
        assertThat(c.interval().upper()).isEqualTo(1.0);
        assertThat(c.interval().lower()).isCloseTo(c.kappa() - BoundedIntervals.z(0.95) * c.standardError(), within(1e-15));
    }

    @Test
    void percentAgreementHasAWilsonInterval() {
        int[] a = {0, 1, 2, 1, 0, 2, 2, 1, 0, 0};
        int[] b = {0, 1, 2, 0, 0, 2, 1, 1, 0, 0};
        Kappa.PercentAgreement p = Kappa.percentAgreement(a, b, 0.95);
        assertThat(p.proportion()).isEqualTo(0.8);
        assertThat(p.interval()).isEqualTo(BoundedIntervals.wilson(8, 10, 0.95));
    }

    @Test
    void refusesWhatKappaCannotMean() {
        assertThatThrownBy(() -> Kappa.cohen(new int[] {1, 1, 1}, new int[] {1, 1, 1}, 3, Kappa.Weighting.NONE, 0.95))
                .hasMessageContaining("single category");
        assertThatThrownBy(() -> Kappa.cohen(new int[] {0, 3}, new int[] {0, 1}, 3, Kappa.Weighting.NONE, 0.95))
                .hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> Kappa.cohen(new int[] {0, 1}, new int[] {0}, 3, Kappa.Weighting.NONE, 0.95))
                .hasMessageContaining("same subjects");
        assertThatThrownBy(() -> Kappa.fleiss(new int[][] {{3, 0}, {1, 1}}, 0.95, 500, 1L))
                .hasMessageContaining("same number of ratings");
        assertThatThrownBy(() -> Kappa.fleiss(new int[][] {{3, 0}, {3, 0}}, 0.95, 500, 1L))
                .hasMessageContaining("one category");
    }

    @Test
    void countsPerSubjectTurnsRatingsIntoFleissRows() {
        int[][] counts = Kappa.countsPerSubject(new int[][] {{0, 0, 1}, {2, 2, 2}}, 3);
        assertThat(counts).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 0, 3}});
    }
}

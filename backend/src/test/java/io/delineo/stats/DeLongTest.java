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

class DeLongTest {

    /** DeLong et al. (1988) from the structural components, O(m·n), independent of the midrank algorithm. */
    static final String STRUCTURAL_COMPONENTS = """
            from sklearn.metrics import roc_auc_score
            from scipy.stats import norm
            def components(y, s):
                y = np.asarray(y, dtype=bool); s = np.asarray(s, dtype=float)
                x, z = s[y], s[~y]
                psi = (x[:, None] > z[None, :]) + 0.5 * (x[:, None] == z[None, :])
                return psi.mean(axis=1), psi.mean(axis=0), psi.mean()  # V10 per positive, V01 per negative, AUC
            out = []
            for case in data:
                y = case['y']
                v10a, v01a, a = components(y, case['a'])
                v10b, v01b, b = components(y, case['b'])
                m, n = len(v10a), len(v01a)
                s10 = np.cov(np.vstack([v10a, v10b]))   # (m-1) denominators, as in the paper
                s01 = np.cov(np.vstack([v01a, v01b]))
                S = s10 / m + s01 / n
                var_diff = S[0, 0] + S[1, 1] - 2 * S[0, 1]
                zval = (a - b) / np.sqrt(var_diff)
                out.append({'auc_a': a, 'auc_b': b, 'sk_a': roc_auc_score(y, case['a']), 'sk_b': roc_auc_score(y, case['b']),
                            'var_a': S[0, 0], 'var_b': S[1, 1], 'cov': S[0, 1], 'z': zval, 'p': 2 * norm.sf(abs(zval))})
            print(json.dumps(out))
            """;

    @Test
    void aucVarianceAndTestMatchTheStructuralComponentsAndScikitLearn() {
        SplittableRandom random = new SplittableRandom(5);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int[] size : new int[][] {{12, 9}, {40, 55}, {150, 90}}) {
            int m = size[0], n = size[1];
            boolean[] y = new boolean[m + n];
            double[] a = new double[m + n], b = new double[m + n];
            for (int i = 0; i < m + n; i++) y[i] = (i * 7919L % (m + n)) < m; // classes interleaved, m positives
            for (int i = 0; i < m + n; i++) {
                double signal = y[i] ? 1 : 0;
                a[i] = signal * 0.8 + random.nextGaussian();
                // model B shares noise with A (correlated ROC curves) and is coarser, so it has ties
                b[i] = Math.round((signal * 0.5 + 0.7 * (a[i] - signal * 0.8) + 0.5 * random.nextGaussian()) * 2) / 2.0;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("y", y);
            c.put("a", a);
            c.put("b", b);
            cases.add(c);
        }
        JsonNode ref = PythonOracle.run(STRUCTURAL_COMPONENTS, cases);
        for (int i = 0; i < cases.size(); i++) {
            boolean[] y = (boolean[]) cases.get(i).get("y");
            double[] a = (double[]) cases.get(i).get("a"), b = (double[]) cases.get(i).get("b");
            JsonNode r = ref.get(i);
            DeLong.Comparison c = DeLong.compare(y, a, b);
            assertThat(c.a().auc()).isCloseTo(r.get("sk_a").asDouble(), within(1e-12));
            assertThat(c.b().auc()).isCloseTo(r.get("sk_b").asDouble(), within(1e-12));
            assertThat(c.a().auc()).isCloseTo(r.get("auc_a").asDouble(), within(1e-12));
            assertThat(c.a().variance()).isCloseTo(r.get("var_a").asDouble(), within(1e-12));
            assertThat(c.b().variance()).isCloseTo(r.get("var_b").asDouble(), within(1e-12));
            assertThat(c.covariance()).isCloseTo(r.get("cov").asDouble(), within(1e-12));
            assertThat(c.z()).isCloseTo(r.get("z").asDouble(), within(1e-9));
            assertThat(c.pValue()).isCloseTo(r.get("p").asDouble(), within(1e-9));
            DeLong.Auc single = DeLong.auc(y, a);
            assertThat(single.variance()).isCloseTo(r.get("var_a").asDouble(), within(1e-12));
            Interval ci = single.interval(0.95);
            assertThat(ci.lower()).isGreaterThan(0);
            assertThat(ci.upper()).isLessThan(1);
            assertThat(ci.contains(single.auc())).isTrue();
        }
    }

    @Test
    void perfectSeparationHasNoInterval() {
        boolean[] y = {true, true, false, false};
        DeLong.Auc auc = DeLong.auc(y, new double[] {0.9, 0.8, 0.2, 0.1});
        assertThat(auc.auc()).isEqualTo(1.0);
        assertThat(auc.variance()).isEqualTo(0.0);
        assertThatThrownBy(() -> auc.interval(0.95)).hasMessageContaining("perfectly separated");
    }

    @Test
    void refusesTooFewCasesOfAClass() {
        assertThatThrownBy(() -> DeLong.auc(new boolean[] {true, false, false}, new double[] {1, 2, 3}))
                .hasMessageContaining("at least 2 positive and 2 negative cases (have 1 and 2)");
        assertThatThrownBy(() -> DeLong.aucOnly(new boolean[] {false, false}, new double[] {1, 2}))
                .hasMessageContaining("positive and negative");
        assertThatThrownBy(() -> DeLong.auc(new boolean[] {true, true, false, false}, new double[] {1, Double.NaN, 0, 0}))
                .hasMessageContaining("not a finite number");
    }

    @Test
    void oneVsRestMacroAndMicroMatchScikitLearn() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 120, k = 3;
        int[] labels = new int[n];
        double[][] scores = new double[n][k];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            double total = 0;
            for (int c = 0; c < k; c++) {
                scores[i][c] = Math.exp((c == labels[i] ? 1.0 : 0) + random.nextGaussian());
                total += scores[i][c];
            }
            for (int c = 0; c < k; c++) scores[i][c] /= total;
        }
        JsonNode ref = PythonOracle.run("""
                from sklearn.metrics import roc_auc_score
                from sklearn.preprocessing import label_binarize
                y = np.array(data['labels']); s = np.array(data['scores'])
                Y = label_binarize(y, classes=[0, 1, 2])
                print(json.dumps({
                    'macro': roc_auc_score(y, s, multi_class='ovr', average='macro'),
                    'micro': roc_auc_score(Y, s, average='micro'),
                    'per_class': list(roc_auc_score(Y, s, average=None))}))
                """, Map.of("labels", labels, "scores", scores));
        OneVsRestAuc ours = OneVsRestAuc.of(labels, scores);
        assertThat(ours.macro()).isCloseTo(ref.get("macro").asDouble(), within(1e-12));
        assertThat(ours.micro()).isCloseTo(ref.get("micro").asDouble(), within(1e-12));
        assertThat(ours.perClass()).containsExactly(PythonOracle.doubles(ref.get("per_class")), within(1e-12));
    }

    @Test
    void averagesAreRefusedForTwoClasses() {
        assertThatThrownBy(() -> OneVsRestAuc.of(new int[] {0, 1}, new double[][] {{0.7, 0.3}, {0.2, 0.8}}))
                .hasMessageContaining("more than two classes");
        assertThatThrownBy(() -> OneVsRestAuc.of(new int[] {0, 1, 0}, new double[][] {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}, {0.5, 0.3, 0.2}}))
                .hasMessageContaining("class 2 has no case");
    }

    @Test
    void midranksAverageTies() {
        assertThat(DeLong.midranks(new double[] {3, 1, 3, 2, 3})).containsExactly(4, 1, 4, 2, 4);
    }
}

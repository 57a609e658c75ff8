package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComBatTest {

    /**
     * ComBat written independently in numpy from Johnson, Li & Rabinovic (2007): least squares on site indicators and
     * covariates, pooled variance with 1/n, standardisation, per-site γ̂ / δ̂² (ddof 1), method-of-moments priors,
     * iterated posterior means to relative change < 1e-4, then the adjustment; new cases use the training estimates.
     */
    static final String NUMPY_COMBAT = """
            Y = np.array(data['y']); site = np.array(data['site']); n, p = Y.shape
            X = np.array(data['cov']).reshape(n, -1) if data['cov'] is not None else np.zeros((n, 0))
            k = site.max() + 1
            B = np.eye(k)[site]
            D = np.hstack([B, X])
            beta = np.linalg.lstsq(D, Y, rcond=None)[0]
            nb = B.sum(0)
            alpha = (nb / n) @ beta[:k]
            sigma2 = ((Y - D @ beta) ** 2).mean(0)
            stand = alpha + X @ beta[k:]
            Z = (Y - stand) / np.sqrt(sigma2)
            gam_hat = np.array([Z[site == b].mean(0) for b in range(k)])
            del_hat = np.array([Z[site == b].var(0, ddof=1) for b in range(k)])
            gam_bar = gam_hat.mean(1); tau2 = gam_hat.var(1, ddof=1)
            M = del_hat.mean(1); S2 = del_hat.var(1, ddof=1)
            a_pr = (2 * S2 + M ** 2) / S2; b_pr = (M * S2 + M ** 3) / S2
            g_star = np.zeros((k, p)); d_star = np.zeros((k, p))
            for b in range(k):
                Zb = Z[site == b]; m = nb[b]
                g_old, d_old = gam_hat[b].copy(), del_hat[b].copy()
                while True:
                    g_new = (m * tau2[b] * gam_hat[b] + d_old * gam_bar[b]) / (m * tau2[b] + d_old)
                    d_new = (b_pr[b] + 0.5 * ((Zb - g_new) ** 2).sum(0)) / (m / 2 + a_pr[b] - 1)
                    change = max(np.max(np.abs(g_new - g_old) / np.abs(g_old)), np.max(np.abs(d_new - d_old) / np.abs(d_old)))
                    g_old, d_old = g_new, d_new
                    if change < 1e-4: break
                g_star[b], d_star[b] = g_old, d_old
            adj = (Z - g_star[site]) / np.sqrt(d_star[site]) * np.sqrt(sigma2) + stand
            Yn = np.array(data['new_y']); sn = np.array(data['new_site'])
            zn = (Yn - alpha) / np.sqrt(sigma2)
            new_adj = (zn - g_star[sn]) / np.sqrt(d_star[sn]) * np.sqrt(sigma2) + alpha
            print(json.dumps({'adj': adj.tolist(), 'new': new_adj.tolist(), 'gamma': g_star.tolist(), 'delta': d_star.tolist()}))
            """;

    private static final String[] SITE_NAMES = {"A", "B", "C"};

    record Cohort(double[][] y, int[] site, double[][] covariates) {
        String[] siteNames() {
            String[] out = new String[site.length];
            for (int i = 0; i < site.length; i++) out[i] = SITE_NAMES[site[i]];
            return out;
        }
    }

    /** Synthetic features with a grade effect and site-specific shifts and scales. */
    static Cohort cohort(int[] sizes, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) n += s;
        double[][] y = new double[n][features];
        int[] site = new int[n];
        double[][] covariates = new double[n][2];
        double[][] shift = new double[sizes.length][features], scale = new double[sizes.length][features];
        for (int b = 0; b < sizes.length; b++) {
            for (int g = 0; g < features; g++) {
                shift[b][g] = (b - 1) * 1.5 + 0.5 * random.nextGaussian();
                scale[b][g] = 0.6 + 0.4 * b + 0.2 * random.nextDouble();
            }
        }
        int j = 0;
        for (int b = 0; b < sizes.length; b++) {
            for (int t = 0; t < sizes[b]; t++, j++) {
                site[j] = b;
                int grade = (t + b) % 3; // every grade at every site: grade is not confounded with site
                covariates[j][0] = grade == 1 ? 1 : 0;
                covariates[j][1] = grade == 2 ? 1 : 0;
                for (int g = 0; g < features; g++) {
                    y[j][g] = 10 + g + 2.0 * grade + shift[b][g] + scale[b][g] * random.nextGaussian();
                }
            }
        }
        return new Cohort(y, site, covariates);
    }

    @Test
    void matchesAnIndependentNumpyImplementationWithAndWithoutCovariates() {
        Cohort train = cohort(new int[] {12, 9, 15}, 6, 17L);
        Cohort fresh = cohort(new int[] {4, 3, 5}, 6, 18L);
        for (boolean withCovariates : new boolean[] {false, true}) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("y", train.y());
            input.put("site", train.site());
            input.put("cov", withCovariates ? train.covariates() : null);
            input.put("new_y", fresh.y());
            input.put("new_site", fresh.site());
            JsonNode ref = PythonOracle.run(NUMPY_COMBAT, input);

            ComBat.Model model = ComBat.fit(train.y(), train.siteNames(), withCovariates ? train.covariates() : null);
            assertMatrix(model.harmonisedTraining(), ref.get("adj"), 1e-8);
            assertMatrix(model.apply(fresh.y(), fresh.siteNames(), null), ref.get("new"), 1e-8);
            for (int b = 0; b < 3; b++) {
                assertThat(model.siteShift(SITE_NAMES[b])).containsExactly(PythonOracle.doubles(ref.get("gamma").get(b)), within(1e-8));
                assertThat(model.siteScale(SITE_NAMES[b])).containsExactly(PythonOracle.doubles(ref.get("delta").get(b)), within(1e-8));
            }
            // applying the fitted model to its own training cases (with their covariates) reproduces the fit
            assertMatrix(model.apply(train.y(), train.siteNames(), withCovariates ? train.covariates() : null), ref.get("adj"), 1e-12);
        }
    }

    @Test
    void harmonisationShrinksTheSiteDifferences() {
        Cohort train = cohort(new int[] {30, 30, 30}, 8, 23L);
        double before = siteMeanSpread(train.y(), train.site());
        double after = siteMeanSpread(ComBat.fit(train.y(), train.siteNames(), train.covariates()).harmonisedTraining(), train.site());
        assertThat(before).isGreaterThan(1.0);
        assertThat(after).isLessThan(before / 5);
    }

    @Test
    void refusesASiteWithOneCaseAndNamesTheFix() {
        Cohort train = cohort(new int[] {5, 1, 4}, 4, 3L);
        assertThatThrownBy(() -> ComBat.fit(train.y(), train.siteNames(), null))
                .hasMessage("site 'B' has 1 case; ComBat needs at least 2 cases per site to estimate the site's scale: add cases from site 'B' or leave it out of harmonisation");
    }

    @Test
    void refusesUnseenSitesConfoundedCovariatesAndMissingValues() {
        Cohort train = cohort(new int[] {6, 6, 6}, 4, 9L);
        ComBat.Model model = ComBat.fit(train.y(), train.siteNames(), null);
        assertThatThrownBy(() -> model.apply(new double[][] {{1, 2, 3, 4}}, new String[] {"D"}, null))
                .hasMessageContaining("site 'D' was not in the training data");
        double[][] confounded = new double[train.y().length][1];
        for (int i = 0; i < confounded.length; i++) confounded[i][0] = train.site()[i] == 0 ? 1 : 0;
        assertThatThrownBy(() -> ComBat.fit(train.y(), train.siteNames(), confounded))
                .hasMessageContaining("confounded with site");
        double[][] holes = train.y();
        holes[2][1] = Double.NaN;
        assertThatThrownBy(() -> ComBat.fit(holes, train.siteNames(), null))
                .hasMessageContaining("feature 2 of case 3 is missing");
        String[] oneSite = new String[train.y().length];
        java.util.Arrays.fill(oneSite, "A");
        assertThatThrownBy(() -> ComBat.fit(cohort(new int[] {6, 6, 6}, 4, 9L).y(), oneSite, null))
                .hasMessageContaining("at least 2 sites");
    }

    private static double siteMeanSpread(double[][] y, int[] site) {
        double spread = 0;
        for (int g = 0; g < y[0].length; g++) {
            double[] sum = new double[3];
            int[] count = new int[3];
            for (int i = 0; i < y.length; i++) {
                sum[site[i]] += y[i][g];
                count[site[i]]++;
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < 3; b++) {
                lo = Math.min(lo, sum[b] / count[b]);
                hi = Math.max(hi, sum[b] / count[b]);
            }
            spread += (hi - lo) / y[0].length;
        }
        return spread;
    }

    private static void assertMatrix(double[][] actual, JsonNode expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.size());
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("row %d", i).containsExactly(PythonOracle.doubles(expected.get(i)), within(tolerance));
        }
    }
}

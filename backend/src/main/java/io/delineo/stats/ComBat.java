package io.delineo.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * ComBat harmonisation of features across sites (batches): the empirical-Bayes location/scale model of Johnson, Li
 * &amp; Rabinovic (2007, Biostatistics 8:118) with parametric priors, as applied to imaging features by Fortin et al.
 * (2018). For feature g, case j of site i: y_ijg = α_g + x_j β_g + γ_ig + δ_ig ε_ijg. The fit standardises each
 * feature by the pooled residual variance, estimates the site shifts γ and scales δ, shrinks them toward their
 * across-feature means (normal prior on γ, inverse-gamma prior on δ², hyper-parameters by the method of moments) and
 * removes them, keeping the covariate effects x β (e.g. grade) that the caller asks to preserve.
 *
 * <p>Fit on training data only; {@link Model#apply} harmonises new cases of the same sites with the training
 * estimates, so no validation case influences the adjustment.
 */
public final class ComBat {
    /** Convergence of the iterative posterior solution: relative change below this (as in Johnson's sva code). */
    static final double CONVERGENCE = 1e-4;
    private static final int MAX_ITERATIONS = 10_000;
    /** |R_ii| below this in the design's QR decomposition means site and covariates are not separable. */
    private static final double SINGULARITY = 1e-10;

    private ComBat() { }

    /**
     * Fits ComBat and returns the model; {@link Model#harmonisedTraining()} holds the adjusted training data.
     *
     * @param data       cases × features
     * @param site       site (batch) of each case; each site needs at least 2 cases
     * @param covariates cases × q numeric covariates to preserve (dummy-coded, no intercept column), or null
     */
    public static Model fit(double[][] data, String[] site, double[][] covariates) {
        int n = data.length;
        if (n == 0) throw new IllegalArgumentException("ComBat needs cases to fit on");
        if (site.length != n) throw new IllegalArgumentException("one site per case: " + site.length + " sites for " + n + " cases");
        int p = data[0].length;
        if (p < 2)
            throw new IllegalArgumentException("ComBat pools information across features and needs at least 2 features, got " + p);
        int q = covariates == null ? 0 : covariates.length == 0 ? 0 : covariates[0].length;
        if (covariates != null && covariates.length != n && q > 0)
            throw new IllegalArgumentException("one covariate row per case: " + covariates.length + " rows for " + n + " cases");
        for (int j = 0; j < n; j++) {
            if (data[j].length != p) throw new IllegalArgumentException("case " + (j + 1) + " has " + data[j].length + " features, expected " + p);
            for (int g = 0; g < p; g++) {
                if (!Double.isFinite(data[j][g]))
                    throw new IllegalArgumentException("feature " + (g + 1) + " of case " + (j + 1) + " is missing or not finite; ComBat needs complete features (impute or drop it first)");
            }
            if (q > 0 && covariates[j].length != q) throw new IllegalArgumentException("case " + (j + 1) + " has " + covariates[j].length + " covariates, expected " + q);
            if (site[j] == null || site[j].isBlank()) throw new IllegalArgumentException("case " + (j + 1) + " has no site");
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) members.computeIfAbsent(site[j], s -> new ArrayList<>()).add(j);
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            if (e.getValue().size() < 2)
                throw new IllegalArgumentException("site '" + e.getKey() + "' has " + e.getValue().size()
                        + " case; ComBat needs at least 2 cases per site to estimate the site's scale: add cases from site '"
                        + e.getKey() + "' or leave it out of harmonisation");
        }
        if (members.size() < 2)
            throw new IllegalArgumentException("ComBat needs cases from at least 2 sites, got only '" + site[0] + "'");
        String[] sites = members.keySet().toArray(String[]::new);
        int k = sites.length;
        int[] siteOf = new int[n];
        for (int b = 0; b < k; b++) for (int j : members.get(sites[b])) siteOf[j] = b;

        // 1. regression on [site indicators | covariates] for every feature at once
        double[][] design = new double[n][k + q];
        for (int j = 0; j < n; j++) {
            design[j][siteOf[j]] = 1;
            for (int c = 0; c < q; c++) design[j][k + c] = covariates[j][c];
        }
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(design, false), SINGULARITY).getSolver();
        if (!solver.isNonSingular())
            throw new IllegalArgumentException("the covariates to preserve are confounded with site (or with each other): ComBat cannot tell"
                    + " a site effect from a covariate effect; drop the confounded covariate or add cases that vary it within sites");
        RealMatrix coefficients = solver.solve(new Array2DRowRealMatrix(data, false));
        double[][] beta = coefficients.getData();
        double[][] fitted = new Array2DRowRealMatrix(design, false).multiply(coefficients).getData();

        double[] grandMean = new double[p];
        double[] pooledVariance = new double[p];
        for (int g = 0; g < p; g++) {
            for (int b = 0; b < k; b++) grandMean[g] += members.get(sites[b]).size() / (double) n * beta[b][g];
            double ss = 0;
            for (int j = 0; j < n; j++) ss += (data[j][g] - fitted[j][g]) * (data[j][g] - fitted[j][g]);
            pooledVariance[g] = ss / n;
            if (!(pooledVariance[g] > 0))
                throw new IllegalArgumentException("feature " + (g + 1) + " has no variance left after the site and covariate means; drop constant features before ComBat");
        }
        double[][] covariateEffects = new double[q][];
        for (int c = 0; c < q; c++) covariateEffects[c] = beta[k + c].clone();

        // 2. standardise
        double[][] standardised = new double[n][p];
        for (int j = 0; j < n; j++) {
            for (int g = 0; g < p; g++) {
                standardised[j][g] = (data[j][g] - standardMean(grandMean, covariateEffects, covariates == null || q == 0 ? null : covariates[j], g))
                        / Math.sqrt(pooledVariance[g]);
            }
        }

        // 3. site shifts and scales, priors, posterior (shrunken) estimates
        double[][] gammaStar = new double[k][];
        double[][] deltaStar = new double[k][];
        for (int b = 0; b < k; b++) {
            List<Integer> rows = members.get(sites[b]);
            int nb = rows.size();
            double[] gammaHat = new double[p], deltaHat = new double[p];
            for (int g = 0; g < p; g++) {
                double sum = 0;
                for (int j : rows) sum += standardised[j][g];
                gammaHat[g] = sum / nb;
                double ss = 0;
                for (int j : rows) ss += (standardised[j][g] - gammaHat[g]) * (standardised[j][g] - gammaHat[g]);
                deltaHat[g] = ss / (nb - 1);
            }
            double gammaBar = BoundedIntervals.mean(gammaHat);
            double tau2 = BoundedIntervals.sampleVariance(gammaHat, gammaBar);
            double deltaMean = BoundedIntervals.mean(deltaHat);
            double deltaVar = BoundedIntervals.sampleVariance(deltaHat, deltaMean);
            if (!(tau2 > 0) || !(deltaVar > 0))
                throw new IllegalArgumentException("site '" + sites[b] + "' has identical shifts or scales on every feature; the empirical-Bayes priors cannot be estimated");
            double aPrior = (2 * deltaVar + deltaMean * deltaMean) / deltaVar;
            double bPrior = (deltaMean * deltaVar + deltaMean * deltaMean * deltaMean) / deltaVar;
            double[][] posterior = posterior(standardised, rows, gammaHat, deltaHat, gammaBar, tau2, aPrior, bPrior, sites[b]);
            gammaStar[b] = posterior[0];
            deltaStar[b] = posterior[1];
        }
        Model model = new Model(sites, grandMean, covariateEffects, pooledVariance, gammaStar, deltaStar, null);
        double[][] harmonised = model.apply(data, site, q == 0 ? null : covariates);
        return new Model(sites, grandMean, covariateEffects, pooledVariance, gammaStar, deltaStar, harmonised);
    }

    /**
     * Johnson et al. (2007) eqs. for the conditional posterior means, solved by iteration from the per-site estimates:
     * γ* = (n τ² γ̂ + δ*² γ̄) / (n τ² + δ*²), δ*² = (b + ½ Σ_j (z_jg - γ*)²) / (n/2 + a - 1), until the largest
     * relative change is below {@link #CONVERGENCE}.
     */
    private static double[][] posterior(double[][] z, List<Integer> rows, double[] gammaHat, double[] deltaHat,
                                        double gammaBar, double tau2, double a, double b, String site) {
        int p = gammaHat.length;
        int nb = rows.size();
        double[] gammaOld = gammaHat.clone(), deltaOld = deltaHat.clone();
        double[] gammaNew = new double[p], deltaNew = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = 0;
            for (int g = 0; g < p; g++) {
                gammaNew[g] = (nb * tau2 * gammaHat[g] + deltaOld[g] * gammaBar) / (nb * tau2 + deltaOld[g]);
                double ss = 0;
                for (int j : rows) ss += (z[j][g] - gammaNew[g]) * (z[j][g] - gammaNew[g]);
                deltaNew[g] = (b + 0.5 * ss) / (nb / 2.0 + a - 1);
                change = Math.max(change, Math.abs(gammaNew[g] - gammaOld[g]) / Math.abs(gammaOld[g]));
                change = Math.max(change, Math.abs(deltaNew[g] - deltaOld[g]) / Math.abs(deltaOld[g]));
            }
            System.arraycopy(gammaNew, 0, gammaOld, 0, p);
            System.arraycopy(deltaNew, 0, deltaOld, 0, p);
            if (change < CONVERGENCE) return new double[][] {gammaOld, deltaOld};
        }
        throw new IllegalStateException("ComBat's posterior estimates for site '" + site + "' did not converge");
    }

    private static double standardMean(double[] grandMean, double[][] covariateEffects, double[] x, int g) {
        double mean = grandMean[g];
        if (x != null) for (int c = 0; c < covariateEffects.length; c++) mean += x[c] * covariateEffects[c][g];
        return mean;
    }

    /** A fitted ComBat adjustment: applies to cases of the sites it was fitted on. */
    public static final class Model {
        private final String[] sites;
        private final double[] grandMean;
        private final double[][] covariateEffects;
        private final double[] pooledVariance;
        private final double[][] gammaStar;
        private final double[][] deltaStar;
        private final double[][] harmonisedTraining;

        private Model(String[] sites, double[] grandMean, double[][] covariateEffects, double[] pooledVariance,
                      double[][] gammaStar, double[][] deltaStar, double[][] harmonisedTraining) {
            this.sites = sites;
            this.grandMean = grandMean;
            this.covariateEffects = covariateEffects;
            this.pooledVariance = pooledVariance;
            this.gammaStar = gammaStar;
            this.deltaStar = deltaStar;
            this.harmonisedTraining = harmonisedTraining;
        }

        public List<String> sites() {
            return List.of(sites);
        }

        /** The training data after harmonisation (cases × features). */
        public double[][] harmonisedTraining() {
            return copy(harmonisedTraining);
        }

        /** Shrunken site shift γ* of a site, per feature (standardised units). */
        public double[] siteShift(String site) {
            return gammaStar[index(site)].clone();
        }

        /** Shrunken site variance δ*² of a site, per feature (standardised units). */
        public double[] siteScale(String site) {
            return deltaStar[index(site)].clone();
        }

        /**
         * Harmonises cases of fitted sites: y* = (y - α - xβ - σγ*) / sqrt(δ*²) + α + xβ, with σ² the pooled variance.
         * Pass the cases' covariates when known; with null (e.g. the grade of a validation case is what the model is
         * to predict) the covariate part is left out of the standardisation, as in Fortin's neuroCombatFromTraining.
         */
        public double[][] apply(double[][] data, String[] site, double[][] covariates) {
            int n = data.length;
            if (site.length != n) throw new IllegalArgumentException("one site per case: " + site.length + " sites for " + n + " cases");
            int q = covariateEffects.length;
            if (covariates != null && (covariates.length != n || (n > 0 && covariates[0].length != q)))
                throw new IllegalArgumentException("covariates must be " + n + " × " + q + " as fitted, or absent");
            double[][] out = new double[n][];
            for (int j = 0; j < n; j++) {
                int b = index(site[j]);
                if (data[j].length != grandMean.length)
                    throw new IllegalArgumentException("case " + (j + 1) + " has " + data[j].length + " features, the model was fitted on " + grandMean.length);
                out[j] = new double[grandMean.length];
                for (int g = 0; g < grandMean.length; g++) {
                    if (!Double.isFinite(data[j][g]))
                        throw new IllegalArgumentException("feature " + (g + 1) + " of case " + (j + 1) + " is missing or not finite");
                    double mean = standardMean(grandMean, covariateEffects, covariates == null ? null : covariates[j], g);
                    double sd = Math.sqrt(pooledVariance[g]);
                    double z = (data[j][g] - mean) / sd;
                    out[j][g] = (z - gammaStar[b][g]) / Math.sqrt(deltaStar[b][g]) * sd + mean;
                }
            }
            return out;
        }

        private int index(String site) {
            for (int b = 0; b < sites.length; b++) if (sites[b].equals(site)) return b;
            throw new IllegalArgumentException("site '" + site + "' was not in the training data (fitted on " + Arrays.toString(sites)
                    + "); ComBat can only harmonise sites it was fitted on: refit with cases from '" + site + "'");
        }

        private static double[][] copy(double[][] m) {
            double[][] out = new double[m.length][];
            for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
            return out;
        }
    }
}

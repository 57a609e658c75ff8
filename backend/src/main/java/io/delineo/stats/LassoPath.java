package io.delineo.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * L1-penalised (LASSO) logistic regression along a path of penalties, by proximal Newton steps with cyclic coordinate
 * descent on each weighted least-squares approximation (Friedman, Hastie &amp; Tibshirani 2010, J Stat Softw 33(1),
 * sections 2–3), warm-started from the previous penalty. Minimises
 * -(1/n) Σ [y_i η_i - log(1 + exp η_i)] + λ Σ_j |β_j| with η_i = β_0 + x_i β; the intercept is not penalised.
 * Features are used as given: standardise them first so one λ treats them alike. A Newton step that would increase
 * the objective is halved until it does not, so every step descends.
 */
public final class LassoPath {
    static final double TOLERANCE = 1e-10;
    private static final int MAX_NEWTON_STEPS = 500;
    private static final int MAX_SWEEPS = 100_000;

    private LassoPath() { }

    /** The solution at one penalty. */
    public record Fit(double lambda, double intercept, double[] coefficients, double objective) {
        public int nonZero() {
            int count = 0;
            for (double b : coefficients) if (b != 0) count++;
            return count;
        }
    }

    /**
     * {@code count} penalties log-spaced from λ_max (the smallest λ at which every coefficient is 0:
     * max_j |Σ_i x_ij (y_i - ȳ)| / n) down to λ_max · {@code ratio}.
     */
    public static double[] lambdaGrid(double[][] x, boolean[] y, int count, double ratio) {
        check(x, y);
        if (count < 1) throw new IllegalArgumentException("a path needs at least one penalty, got " + count);
        if (!(ratio > 0 && ratio < 1)) throw new IllegalArgumentException("ratio must be in (0, 1), got " + ratio);
        int n = x.length, p = x[0].length;
        double mean = 0;
        for (boolean v : y) if (v) mean++;
        mean /= n;
        double max = 0;
        for (int j = 0; j < p; j++) {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += x[i][j] * ((y[i] ? 1 : 0) - mean);
            max = Math.max(max, Math.abs(dot) / n);
        }
        if (max == 0) throw new IllegalArgumentException("no feature is related to the outcome at all (every feature is constant)");
        double[] grid = new double[count];
        for (int k = 0; k < count; k++) grid[k] = max * Math.pow(ratio, count == 1 ? 0 : k / (count - 1.0));
        return grid;
    }

    /** Fits every penalty in {@code lambdas} (largest first is fastest), each warm-started from the one before. */
    public static List<Fit> path(double[][] x, boolean[] y, double[] lambdas) {
        check(x, y);
        int p = x[0].length;
        double[] beta = new double[p];
        double[] intercept = {initialIntercept(y)};
        List<Fit> fits = new ArrayList<>();
        for (double lambda : lambdas) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("penalties must be finite and >= 0, got " + lambda);
            solve(x, y, lambda, beta, intercept);
            fits.add(new Fit(lambda, intercept[0], beta.clone(), objective(x, y, lambda, intercept[0], beta)));
        }
        return fits;
    }

    public static Fit fit(double[][] x, boolean[] y, double lambda) {
        return path(x, y, new double[] {lambda}).get(0);
    }

    /** The penalised objective at (β_0, β). */
    public static double objective(double[][] x, boolean[] y, double lambda, double intercept, double[] beta) {
        int n = x.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double eta = intercept;
            for (int j = 0; j < beta.length; j++) eta += x[i][j] * beta[j];
            loss += softplus(eta) - (y[i] ? eta : 0);
        }
        double l1 = 0;
        for (double b : beta) l1 += Math.abs(b);
        return loss / n + lambda * l1;
    }

    private static void solve(double[][] x, boolean[] y, double lambda, double[] beta, double[] intercept) {
        int n = x.length, p = beta.length;
        double current = objective(x, y, lambda, intercept[0], beta);
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double[] eta = new double[n], w = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) {
                eta[i] = intercept[0];
                for (int j = 0; j < p; j++) eta[i] += x[i][j] * beta[j];
                double prob = BoundedIntervals.expit(eta[i]);
                w[i] = Math.max(prob * (1 - prob), 1e-5);
                z[i] = eta[i] + ((y[i] ? 1 : 0) - prob) / w[i];
            }
            double[] newBeta = beta.clone();
            double newIntercept = weightedLasso(x, z, w, lambda, newBeta, intercept[0]);
            // step halving: accept the Newton step only where it lowers the objective
            double t = 1;
            double[] trial = new double[p];
            double trialIntercept, value;
            while (true) {
                for (int j = 0; j < p; j++) trial[j] = beta[j] + t * (newBeta[j] - beta[j]);
                trialIntercept = intercept[0] + t * (newIntercept - intercept[0]);
                value = objective(x, y, lambda, trialIntercept, trial);
                if (value <= current + 1e-15 || t < 1e-10) break;
                t /= 2;
            }
            double change = Math.abs(trialIntercept - intercept[0]);
            for (int j = 0; j < p; j++) change = Math.max(change, Math.abs(trial[j] - beta[j]));
            System.arraycopy(trial, 0, beta, 0, p);
            intercept[0] = trialIntercept;
            current = value;
            if (change < TOLERANCE) return;
        }
        throw new IllegalStateException("the LASSO path did not converge at λ = " + lambda);
    }

    /**
     * Coordinate descent for (1/2n) Σ w_i (z_i - β_0 - x_i β)² + λ‖β‖₁, updating {@code beta} in place from its
     * current value; returns β_0. Each coordinate: β_j = S((1/n) Σ w_i x_ij r_ij, λ) / ((1/n) Σ w_i x_ij²), with r_ij
     * the partial residual and S the soft-threshold.
     */
    private static double weightedLasso(double[][] x, double[] z, double[] w, double lambda, double[] beta, double intercept) {
        int n = x.length, p = beta.length;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = z[i] - intercept;
            for (int j = 0; j < p; j++) residual[i] -= x[i][j] * beta[j];
        }
        double sumW = 0;
        for (double v : w) sumW += v;
        double[] curvature = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) curvature[j] += w[i] * x[i][j] * x[i][j];
            curvature[j] /= n;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            double shift = 0;
            for (int i = 0; i < n; i++) shift += w[i] * residual[i];
            shift /= sumW;
            intercept += shift;
            for (int i = 0; i < n; i++) residual[i] -= shift;
            change = Math.max(change, Math.abs(shift));
            for (int j = 0; j < p; j++) {
                if (curvature[j] == 0) continue;
                double gradient = 0;
                for (int i = 0; i < n; i++) gradient += w[i] * x[i][j] * residual[i];
                gradient = gradient / n + curvature[j] * beta[j];
                double updated = softThreshold(gradient, lambda) / curvature[j];
                double delta = updated - beta[j];
                if (delta != 0) {
                    for (int i = 0; i < n; i++) residual[i] -= x[i][j] * delta;
                    beta[j] = updated;
                    change = Math.max(change, Math.abs(delta));
                }
            }
            if (change < TOLERANCE / 10) return intercept;
        }
        throw new IllegalStateException("coordinate descent did not converge at λ = " + lambda);
    }

    private static double softThreshold(double value, double lambda) {
        return value > lambda ? value - lambda : value < -lambda ? value + lambda : 0;
    }

    private static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    private static double initialIntercept(boolean[] y) {
        double mean = 0;
        for (boolean v : y) if (v) mean++;
        mean /= y.length;
        return Math.log(mean / (1 - mean));
    }

    private static void check(double[][] x, boolean[] y) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("logistic regression needs at least 2 cases, got " + n);
        if (y.length != n) throw new IllegalArgumentException("one outcome per case: " + y.length + " outcomes for " + n + " cases");
        int p = x[0].length;
        if (p < 1) throw new IllegalArgumentException("logistic regression needs at least one feature");
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) throw new IllegalArgumentException("case " + (i + 1) + " has " + x[i].length + " features, expected " + p);
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) throw new IllegalArgumentException("feature " + (j + 1) + " of case " + (i + 1) + " is missing or not finite");
            }
            if (y[i]) events++;
        }
        if (events == 0 || events == n)
            throw new IllegalArgumentException("logistic regression needs cases of both outcomes (have " + events + " of " + n + " positive)");
    }
}

package io.delineo.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Chance-corrected agreement on categorical answers: Cohen's kappa for two raters (unweighted, or weighted for
 * ordinal scales), Fleiss' kappa for several raters per subject, and plain percent agreement. Categories are coded
 * 0..k-1; for weighted kappa the code order is the ordinal order.
 */
public final class Kappa {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Kappa() { }

    /** Agreement weights for ordinal scales (1 on the diagonal, falling with the distance between categories). */
    public enum Weighting {
        /** w = 1 if i = j else 0: Cohen's (1960) kappa. */
        NONE,
        /** w = 1 - |i - j| / (k - 1) (Cicchetti & Allison 1971). */
        LINEAR,
        /** w = 1 - (i - j)² / (k - 1)² (Fleiss & Cohen 1973). */
        QUADRATIC;

        public double[][] weights(int categories) {
            if (categories < 2) throw new IllegalArgumentException("kappa needs at least 2 categories, got " + categories);
            double[][] w = new double[categories][categories];
            double span = categories - 1.0;
            for (int i = 0; i < categories; i++) {
                for (int j = 0; j < categories; j++) {
                    double d = Math.abs(i - j) / span;
                    w[i][j] = switch (this) {
                        case NONE -> i == j ? 1 : 0;
                        case LINEAR -> 1 - d;
                        case QUADRATIC -> 1 - d * d;
                    };
                }
            }
            return w;
        }
    }

    /** Cohen's (weighted) kappa with its large-sample standard error and a confidence interval kept in [-1, 1]. */
    public record Cohen(double kappa, double standardError, Interval interval, double observedAgreement,
                        double chanceAgreement, int n) { }

    /** Fleiss' kappa for m raters per subject. */
    public record Fleiss(double kappa, double nullStandardError, double z, double pValue, double[] categoryKappas,
                         double observedAgreement, double chanceAgreement, Interval interval, int subjects, int raters) { }

    /** Share of subjects on which two raters gave the same answer, with a Wilson interval. */
    public record PercentAgreement(double proportion, Interval interval, int n) { }

    /** Cohen's kappa of two raters' answers (same subjects, same order), categories 0..categories-1. */
    public static Cohen cohen(int[] raterA, int[] raterB, int categories, Weighting weighting, double level) {
        return cohen(table(raterA, raterB, categories), weighting.weights(categories), level);
    }

    /**
     * Cohen's weighted kappa from a k × k table of counts (rows rater A, columns rater B) and agreement weights
     * w_ij in [0, 1] with w_ii = 1 (Cohen 1968): κ_w = (p_o - p_e) / (1 - p_e), p_o = Σ w_ij p_ij,
     * p_e = Σ w_ij p_i. p_.j. Identity weights give Cohen's (1960) kappa. Standard error: Fleiss, Cohen &amp; Everitt
     * (1969, Psychol Bull 72:323), var = [Σ p_ij (w_ij - (w̄_i. + w̄_.j)(1 - κ))² - (κ - p_e(1 - κ))²] / (n (1 - p_e)²)
     * with w̄_i. = Σ_j p_.j w_ij and w̄_.j = Σ_i p_i. w_ij. The interval κ ± z·SE is clipped to [-1, 1].
     * Disagreement weights v_ij (Cohen 1968's form) convert as w_ij = 1 - v_ij / max(v).
     */
    public static Cohen cohen(double[][] counts, double[][] weights, double level) {
        int k = counts.length;
        if (k < 2) throw new IllegalArgumentException("kappa needs at least 2 categories, got " + k);
        if (weights.length != k) throw new IllegalArgumentException("weights must be " + k + " × " + k);
        double n = 0;
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k || weights[i].length != k) throw new IllegalArgumentException("the table and weights must be square, " + k + " × " + k);
            if (weights[i][i] != 1) throw new IllegalArgumentException("agreement weights must be 1 on the diagonal");
            for (int j = 0; j < k; j++) {
                if (!(counts[i][j] >= 0)) throw new IllegalArgumentException("counts must be >= 0, got " + counts[i][j]);
                if (!(weights[i][j] >= 0 && weights[i][j] <= 1)) throw new IllegalArgumentException("weights must lie in [0, 1], got " + weights[i][j]);
                n += counts[i][j];
            }
        }
        if (n < 1) throw new IllegalArgumentException("kappa needs at least one rated subject");
        double[] rows = new double[k], cols = new double[k];
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = counts[i][j] / n;
                rows[i] += p[i][j];
                cols[j] += p[i][j];
            }
        }
        double po = 0, pe = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                po += weights[i][j] * p[i][j];
                pe += weights[i][j] * rows[i] * cols[j];
            }
        }
        if (1 - pe <= 1e-12)
            throw new IllegalArgumentException("kappa is undefined: chance agreement is 1 (both raters used a single category)");
        double kappa = (po - pe) / (1 - pe);
        double[] wRow = new double[k], wCol = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                wRow[i] += cols[j] * weights[i][j];
                wCol[j] += rows[i] * weights[i][j];
            }
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = weights[i][j] - (wRow[i] + wCol[j]) * (1 - kappa);
                sum += p[i][j] * d * d;
            }
        }
        double c = kappa - pe * (1 - kappa);
        double variance = Math.max(0, (sum - c * c) / (n * (1 - pe) * (1 - pe)));
        double se = Math.sqrt(variance);
        double half = BoundedIntervals.z(level) * se;
        Interval interval = new Interval(Math.max(-1, kappa - half), Math.min(1, kappa + half), level,
                "asymptotic SE (Fleiss, Cohen & Everitt 1969), clipped to [-1, 1]");
        return new Cohen(kappa, se, interval, po, pe, (int) Math.round(n));
    }

    /** k × k table of counts, rows rater A, columns rater B. */
    public static double[][] table(int[] raterA, int[] raterB, int categories) {
        if (raterA.length != raterB.length)
            throw new IllegalArgumentException("both raters must rate the same subjects: " + raterA.length + " vs " + raterB.length + " answers");
        if (categories < 2) throw new IllegalArgumentException("kappa needs at least 2 categories, got " + categories);
        double[][] counts = new double[categories][categories];
        for (int s = 0; s < raterA.length; s++) {
            checkCategory(raterA[s], categories);
            checkCategory(raterB[s], categories);
            counts[raterA[s]][raterB[s]]++;
        }
        return counts;
    }

    /** Share of subjects with identical answers, with a Wilson score interval. */
    public static PercentAgreement percentAgreement(int[] raterA, int[] raterB, double level) {
        if (raterA.length != raterB.length)
            throw new IllegalArgumentException("both raters must rate the same subjects: " + raterA.length + " vs " + raterB.length + " answers");
        if (raterA.length == 0) throw new IllegalArgumentException("percent agreement needs at least one subject");
        int same = 0;
        for (int s = 0; s < raterA.length; s++) if (raterA[s] == raterB[s]) same++;
        return new PercentAgreement((double) same / raterA.length, BoundedIntervals.wilson(same, raterA.length, level), raterA.length);
    }

    /**
     * Fleiss' (1971, Psychol Bull 76:378) kappa from counts n_ij: how many of the m raters put subject i in category
     * j (every row sums to m). P̄ = mean_i (Σ_j n_ij² - m) / (m(m-1)), P̄_e = Σ_j p_j², κ = (P̄ - P̄_e)/(1 - P̄_e);
     * per-category κ_j = 1 - Σ_i n_ij(m - n_ij) / (N m (m-1) p_j q_j). Standard error under κ = 0 (Fleiss, Nee &amp;
     * Landis 1979): var₀ = 2 / (N m (m-1)) · [(Σ p_j q_j)² - Σ p_j q_j (q_j - p_j)] / (Σ p_j q_j)², used for the z
     * test only; the confidence interval is a seeded percentile bootstrap over subjects, so it stays in [-1, 1].
     */
    public static Fleiss fleiss(int[][] counts, double level, int resamples, long seed) {
        int subjects = counts.length;
        if (subjects < 2) throw new IllegalArgumentException("Fleiss' kappa needs at least 2 subjects, got " + subjects);
        int k = counts[0].length;
        if (k < 2) throw new IllegalArgumentException("Fleiss' kappa needs at least 2 categories, got " + k);
        int m = -1;
        for (int i = 0; i < subjects; i++) {
            if (counts[i].length != k) throw new IllegalArgumentException("subject " + (i + 1) + " has " + counts[i].length + " categories, expected " + k);
            int total = 0;
            for (int c : counts[i]) {
                if (c < 0) throw new IllegalArgumentException("counts must be >= 0, got " + c + " for subject " + (i + 1));
                total += c;
            }
            if (m < 0) m = total;
            else if (total != m)
                throw new IllegalArgumentException("every subject needs the same number of ratings: subject 1 has " + m + ", subject " + (i + 1) + " has " + total);
        }
        if (m < 2) throw new IllegalArgumentException("Fleiss' kappa needs at least 2 raters per subject, got " + m);
        int[] all = new int[subjects];
        for (int i = 0; i < subjects; i++) all[i] = i;
        double[] parts = fleissParts(counts, all, k, m);
        double kappa = parts[0];
        if (Double.isNaN(kappa)) throw new IllegalArgumentException("Fleiss' kappa is undefined: every rating is in one category");
        double[] p = new double[k];
        for (int[] row : counts) for (int j = 0; j < k; j++) p[j] += row[j];
        double sumPq = 0, sumPqqp = 0;
        for (int j = 0; j < k; j++) {
            p[j] /= (double) subjects * m;
            double q = 1 - p[j];
            sumPq += p[j] * q;
            sumPqqp += p[j] * q * (q - p[j]);
        }
        double[] categoryKappas = new double[k];
        for (int j = 0; j < k; j++) {
            double disagreement = 0;
            for (int[] row : counts) disagreement += row[j] * (m - row[j]);
            double pq = p[j] * (1 - p[j]);
            categoryKappas[j] = pq == 0 ? Double.NaN : 1 - disagreement / ((double) subjects * m * (m - 1) * pq);
        }
        double var0 = 2.0 / ((double) subjects * m * (m - 1)) * (sumPq * sumPq - sumPqqp) / (sumPq * sumPq);
        double se0 = Math.sqrt(var0);
        double z = kappa / se0;
        double pValue = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        final int raters = m;
        Interval interval = BoundedIntervals.PercentileBootstrap.ofIndices(subjects,
                sample -> fleissParts(counts, sample, k, raters)[0], resamples, seed, level);
        return new Fleiss(kappa, se0, z, pValue, categoryKappas, parts[1], parts[2], interval, subjects, m);
    }

    /** {kappa, P̄, P̄_e} over the given subjects (indices may repeat); kappa NaN when P̄_e = 1. */
    private static double[] fleissParts(int[][] counts, int[] subjects, int k, int m) {
        double[] p = new double[k];
        double agreement = 0;
        for (int s : subjects) {
            int[] row = counts[s];
            double squares = 0;
            for (int j = 0; j < k; j++) {
                p[j] += row[j];
                squares += (double) row[j] * row[j];
            }
            agreement += (squares - m) / (m * (m - 1.0));
        }
        double pBar = agreement / subjects.length;
        double pe = 0;
        for (int j = 0; j < k; j++) {
            double pj = p[j] / ((double) subjects.length * m);
            pe += pj * pj;
        }
        double kappa = 1 - pe <= 1e-12 ? Double.NaN : (pBar - pe) / (1 - pe);
        return new double[] {kappa, pBar, pe};
    }

    /** Subjects × categories counts from a subjects × raters matrix of category codes. */
    public static int[][] countsPerSubject(int[][] ratings, int categories) {
        if (categories < 2) throw new IllegalArgumentException("kappa needs at least 2 categories, got " + categories);
        int[][] counts = new int[ratings.length][categories];
        for (int i = 0; i < ratings.length; i++) {
            for (int r : ratings[i]) {
                checkCategory(r, categories);
                counts[i][r]++;
            }
        }
        return counts;
    }

    private static void checkCategory(int code, int categories) {
        if (code < 0 || code >= categories)
            throw new IllegalArgumentException("category code " + code + " is outside 0.." + (categories - 1));
    }
}

package io.delineo.grading.training;

/**
 * Z-score per feature, fitted on some rows (the training folds) and applied to any. Uses the sample SD (n - 1);
 * a feature constant on the fitted rows gets SD 1, so it maps to 0 and carries no weight.
 */
public record Standardiser(double[] means, double[] sds) {
    public static Standardiser fit(double[][] x, int[] rows) {
        if (rows.length < 2) throw new TrainingException("standardisation needs at least 2 rows");
        int p = x[rows[0]].length;
        double[] mean = new double[p], sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int r : rows) s += x[r][j];
            double m = s / rows.length, ss = 0;
            for (int r : rows) ss += (x[r][j] - m) * (x[r][j] - m);
            double v = Math.sqrt(ss / (rows.length - 1));
            mean[j] = m;
            sd[j] = v > 1e-12 * Math.max(1, Math.abs(m)) ? v : 1.0;
        }
        return new Standardiser(mean, sd);
    }

    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) z[j] = (row[j] - means[j]) / sds[j];
        return z;
    }

    @Override public double[] means() { return means.clone(); }

    @Override public double[] sds() { return sds.clone(); }
}

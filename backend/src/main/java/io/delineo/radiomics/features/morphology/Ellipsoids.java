package io.delineo.radiomics.features.morphology;

/** Ellipsoid helpers: surface area by the Legendre series (IBSI), minimum volume enclosing ellipsoid (Khachiyan). */
public final class Ellipsoids {
    private Ellipsoids() { }

    /** Surface area of an ellipsoid with semi-axes a &ge; b &ge; c, by the IBSI series truncated after nu = 20. */
    public static double area(double a, double b, double c) {
        double alpha = Math.sqrt(Math.max(0, 1 - b * b / (a * a)));
        double beta = Math.sqrt(Math.max(0, 1 - c * c / (a * a)));
        double ab = alpha * beta, s = (alpha * alpha + beta * beta) / 2;
        double sum = 0;
        for (int nu = 0; nu <= 20; nu++) {
            // (alpha beta)^nu P_nu((alpha^2 + beta^2) / (2 alpha beta)), expanded so that alpha beta = 0 is fine
            double term = 0;
            for (int k = 0; 2 * k <= nu; k++) {
                double coef = Math.pow(-1, k) * binomial(nu, k) * binomial(2 * nu - 2 * k, nu) / Math.pow(2, nu);
                term += coef * Math.pow(ab, 2 * k) * Math.pow(s, nu - 2 * k);
            }
            sum += term / (1 - 4.0 * nu * nu);
        }
        return 4 * Math.PI * a * b * sum;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    /**
     * Semi-axis lengths (descending) of the minimum volume enclosing ellipsoid of the points (flattened xyz), by
     * Khachiyan's barycentric coordinate ascent with tolerance {@code tol}.
     */
    public static double[] mveeSemiAxes(double[] pts, double tol, int maxIterations) {
        int n = pts.length / 3;
        if (n < 4) return new double[]{Double.NaN, Double.NaN, Double.NaN};
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        double d = 3;
        double[][] x = new double[4][4];
        for (int it = 0; it < maxIterations; it++) {
            for (double[] row : x) java.util.Arrays.fill(row, 0);
            for (int i = 0; i < n; i++) {
                double[] q = {pts[3 * i], pts[3 * i + 1], pts[3 * i + 2], 1};
                for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) x[r][c] += u[i] * q[r] * q[c];
            }
            double[][] inv = Linear.invert(x);
            int jmax = 0;
            double mmax = -1;
            for (int i = 0; i < n; i++) {
                double[] q = {pts[3 * i], pts[3 * i + 1], pts[3 * i + 2], 1};
                double mv = 0;
                for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) mv += q[r] * inv[r][c] * q[c];
                if (mv > mmax) { mmax = mv; jmax = i; }
            }
            double step = (mmax - d - 1) / ((d + 1) * (mmax - 1));
            double change = 0;
            for (int i = 0; i < n; i++) {
                double nu = (1 - step) * u[i] + (i == jmax ? step : 0);
                change += (nu - u[i]) * (nu - u[i]);
                u[i] = nu;
            }
            if (Math.sqrt(change) < tol) break;
        }
        double[] centre = new double[3];
        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) centre[a] += u[i] * pts[3 * i + a];
        double[][] cov = new double[3][3];
        for (int i = 0; i < n; i++) for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) {
            cov[r][c] += u[i] * (pts[3 * i + r] - centre[r]) * (pts[3 * i + c] - centre[c]);
        }
        // shape matrix A = inv(cov) / d; semi-axes 1/sqrt(eig(A)) = sqrt(d * eig(cov))
        double[] ev = Linear.symmetricEigenvalues(cov);
        double[] axes = new double[3];
        for (int k = 0; k < 3; k++) axes[k] = Math.sqrt(Math.max(0, d * ev[k]));
        java.util.Arrays.sort(axes);
        return new double[]{axes[2], axes[1], axes[0]};
    }
}

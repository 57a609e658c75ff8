package io.delineo.radiomics.features.morphology;

/** Small dense linear algebra: Gauss-Jordan inverse and Jacobi eigenvalues of symmetric 3x3 matrices. */
final class Linear {
    private Linear() { }

    static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double p = a[c][c];
            if (Math.abs(p) < 1e-300) throw new ArithmeticException("singular matrix");
            for (int k = 0; k < 2 * n; k++) a[c][k] /= p;
            for (int r = 0; r < n; r++) {
                if (r == c || a[r][c] == 0) continue;
                double f = a[r][c];
                for (int k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inv[i], 0, n);
        return inv;
    }

    /** Eigenvalues (ascending) of a symmetric matrix; {@code vectors}, when given, receives eigenvectors as columns. */
    static double[] symmetricEigenvalues(double[][] s) { return jacobi(s, null); }

    static double[] jacobi(double[][] s, double[][] vectors) {
        int n = s.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = s[i].clone();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) {
                if (Math.abs(a[p][q]) < 1e-300) continue;
                double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                if (theta == 0) t = 1;
                double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
                for (int k = 0; k < n; k++) {
                    double akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - sn * akq;
                    a[k][q] = sn * akp + c * akq;
                }
                for (int k = 0; k < n; k++) {
                    double apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - sn * aqk;
                    a[q][k] = sn * apk + c * aqk;
                }
                for (int k = 0; k < n; k++) {
                    double vkp = v[k][p], vkq = v[k][q];
                    v[k][p] = c * vkp - sn * vkq;
                    v[k][q] = sn * vkp + c * vkq;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[x][x], a[y][y]));
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[order[i]][order[i]];
            if (vectors != null) for (int k = 0; k < n; k++) vectors[k][i] = v[k][order[i]];
        }
        return ev;
    }
}

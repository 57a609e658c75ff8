package io.delineo.stats;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IntraclassCorrelationTest {
    /** Shrout &amp; Fleiss (1979), Table 2: 6 targets rated by 4 judges. */
    static final double[][] SHROUT_FLEISS = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9},
            {6, 2, 4, 7}};

    @Test
    void shroutFleissWorkedExample() {
        IntraclassCorrelation icc = new IntraclassCorrelation(SHROUT_FLEISS);
        // ANOVA of the paper: BMS 11.24, JMS 32.49, EMS 1.02
        assertThat(icc.meanSquareTargets()).isCloseTo(11.24, within(0.005));
        assertThat(icc.meanSquareReaders()).isCloseTo(32.49, within(0.005));
        assertThat(icc.meanSquareError()).isCloseTo(1.02, within(0.005));
        IccResult icc21 = icc.icc21(0.95), icc31 = icc.icc31(0.95);
        // published: ICC(2,1) = 0.29, ICC(3,1) = 0.71
        assertThat(icc21.value()).isCloseTo(0.29, within(0.005));
        assertThat(icc31.value()).isCloseTo(0.71, within(0.005));
        // 95% CIs from the Shrout & Fleiss / McGraw & Wong F formulas; the same numbers as R psych::ICC prints for
        // this data set (ICC2 0.019..0.76, ICC3 0.342..0.95)
        assertThat(icc21.lower()).isCloseTo(0.019, within(0.0005));
        assertThat(icc21.upper()).isCloseTo(0.761, within(0.0005));
        assertThat(icc31.lower()).isCloseTo(0.342, within(0.0005));
        assertThat(icc31.upper()).isCloseTo(0.946, within(0.0005));
        assertThat(icc31.f()).isCloseTo(11.03, within(0.005));
    }

    @Test
    void matchesAnIndependentScipyEvaluation() throws Exception {
        Path p = Path.of(getClass().getResource("/radiomics/fixtures/icc_fixture.txt").toURI());
        IntraclassCorrelation icc = new IntraclassCorrelation(SHROUT_FLEISS);
        for (String line : Files.readAllLines(p)) {
            String[] f = line.split(" ");
            IccResult r = f[0].equals("ICC(2,1)") ? icc.icc21(0.95) : icc.icc31(0.95);
            assertThat(r.form()).isEqualTo(f[0]);
            assertThat(r.value()).isCloseTo(Double.parseDouble(f[1]), within(1e-12));
            assertThat(r.lower()).isCloseTo(Double.parseDouble(f[2]), within(1e-9));
            assertThat(r.upper()).isCloseTo(Double.parseDouble(f[3]), within(1e-9));
        }
    }

    @Test
    void fQuantilesMatchScipy() throws Exception {
        Path p = Path.of(getClass().getResource("/radiomics/fixtures/fquantile_fixture.txt").toURI());
        for (String line : Files.readAllLines(p)) {
            String[] f = line.split(" ");
            double q = FDistribution.quantile(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            double expected = Double.parseDouble(f[3]);
            assertThat(q).as(line).isCloseTo(expected, within(1e-9 * expected));
        }
    }

    @Test
    void perfectAgreementAndBadInput() {
        double[][] same = {{1, 1}, {2, 2}, {5, 5}};
        assertThat(new IntraclassCorrelation(same).icc21(0.95).value()).isCloseTo(1, within(1e-12));
        assertThatThrownBy(() -> new IntraclassCorrelation(new double[][]{{1, 2}})).hasMessageContaining("2 targets");
        assertThatThrownBy(() -> new IntraclassCorrelation(new double[][]{{1, 2}, {3}})).hasMessageContaining("target 1");
        assertThatThrownBy(() -> new IntraclassCorrelation(SHROUT_FLEISS).icc31(1.5)).hasMessageContaining("confidence");
    }

    /**
     * Readers who nearly agree on a feature that barely varies between cases, around a large value: the sums of
     * squares must come from residuals, not from SS_total - SS_rows - SS_cols (which cancelled to give ICC(3,1) = -35
     * on a real study). Checked against the same ANOVA in exact decimal arithmetic.
     */
    @Test
    void nearlyConstantLargeValuesStayWithinBounds() {
        double[][] ratings = new double[8][3];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 3; j++) ratings[i][j] = 48_213.75 + i * 3e-9 + ((i * 7 + j * 5) % 4) * 1e-9;
        }
        IntraclassCorrelation icc = new IntraclassCorrelation(ratings);
        double[] exact = exactMeanSquares(ratings);
        assertThat(icc.meanSquareTargets()).isCloseTo(exact[0], within(exact[0] * 1e-3));
        assertThat(icc.meanSquareError()).isCloseTo(exact[2], within(exact[2] * 1e-3));
        IccResult c = icc.icc31(0.95);
        double expected = (exact[0] - exact[2]) / (exact[0] + 2 * exact[2]);
        assertThat(c.value()).isCloseTo(expected, within(1e-3));
        for (double v : new double[]{c.value(), c.lower(), c.upper(), icc.icc21(0.95).value()}) {
            assertThat(v).isBetween(-0.5, 1.0);
        }
    }

    /** MS rows, MS columns, MS error of the two-way ANOVA in BigDecimal arithmetic (an independent oracle). */
    private static double[] exactMeanSquares(double[][] x) {
        java.math.MathContext mc = new java.math.MathContext(60);
        int n = x.length, k = x[0].length;
        java.math.BigDecimal[] row = new java.math.BigDecimal[n], col = new java.math.BigDecimal[k];
        java.math.BigDecimal grand = java.math.BigDecimal.ZERO;
        java.util.Arrays.fill(row, java.math.BigDecimal.ZERO);
        java.util.Arrays.fill(col, java.math.BigDecimal.ZERO);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                java.math.BigDecimal v = new java.math.BigDecimal(x[i][j]);
                row[i] = row[i].add(v);
                col[j] = col[j].add(v);
                grand = grand.add(v);
            }
        }
        java.math.BigDecimal nk = java.math.BigDecimal.valueOf((long) n * k);
        grand = grand.divide(nk, mc);
        for (int i = 0; i < n; i++) row[i] = row[i].divide(java.math.BigDecimal.valueOf(k), mc);
        for (int j = 0; j < k; j++) col[j] = col[j].divide(java.math.BigDecimal.valueOf(n), mc);
        java.math.BigDecimal ssR = java.math.BigDecimal.ZERO, ssC = java.math.BigDecimal.ZERO, ssE = java.math.BigDecimal.ZERO;
        for (int i = 0; i < n; i++) ssR = ssR.add(row[i].subtract(grand).pow(2).multiply(java.math.BigDecimal.valueOf(k)));
        for (int j = 0; j < k; j++) ssC = ssC.add(col[j].subtract(grand).pow(2).multiply(java.math.BigDecimal.valueOf(n)));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                ssE = ssE.add(new java.math.BigDecimal(x[i][j]).subtract(row[i]).subtract(col[j]).add(grand).pow(2));
            }
        }
        return new double[]{ssR.doubleValue() / (n - 1), ssC.doubleValue() / (k - 1),
                ssE.doubleValue() / ((n - 1.0) * (k - 1.0))};
    }
}

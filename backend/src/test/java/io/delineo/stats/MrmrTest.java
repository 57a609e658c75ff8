package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MrmrTest {
    static final int[] CLASS = {0, 0, 0, 0, 1, 1, 1, 1};
    static final int[] F0 = {0, 0, 0, 1, 1, 1, 1, 1}; // one case off the class
    static final int[] F1 = F0.clone();               // an exact copy: relevant but fully redundant
    static final int[] F2 = {0, 1, 0, 0, 1, 0, 1, 1}; // less relevant, nearly independent of F0
    static final int[] F3 = {0, 1, 0, 1, 0, 1, 0, 1}; // irrelevant

    @Test
    void mutualInformationByHand() {
        // I(F0; c): joint counts (0,0)=3, (1,0)=1, (1,1)=4 of 8; p(F0=0) = 3/8, p(c) = 1/2
        double relevanceF0 = 3 / 8.0 * Math.log(2) + 1 / 8.0 * Math.log(2 / 5.0) + 1 / 2.0 * Math.log(8 / 5.0);
        // I(F2; c): (0,0)=3, (1,0)=1, (1,1)=3, (0,1)=1; both margins 1/2
        double relevanceF2 = 3 / 4.0 * Math.log(3 / 2.0) + 1 / 4.0 * Math.log(1 / 2.0);
        // I(F0; F0) = H(F0)
        double entropyF0 = -(3 / 8.0 * Math.log(3 / 8.0) + 5 / 8.0 * Math.log(5 / 8.0));
        // I(F2; F0): (0,0)=2, (0,1)=1, (1,0)=2, (1,1)=3
        double redundancyF2F0 = 1 / 4.0 * Math.log(4 / 3.0) + 1 / 8.0 * Math.log(2 / 3.0) + 1 / 4.0 * Math.log(4 / 5.0)
                + 3 / 8.0 * Math.log(6 / 5.0);
        assertThat(Mrmr.mutualInformation(F0, CLASS)).isCloseTo(relevanceF0, within(1e-15));
        assertThat(Mrmr.mutualInformation(F2, CLASS)).isCloseTo(relevanceF2, within(1e-15));
        assertThat(Mrmr.mutualInformation(F0, F1)).isCloseTo(entropyF0, within(1e-15));
        assertThat(Mrmr.mutualInformation(F2, F0)).isCloseTo(redundancyF2F0, within(1e-15));
        assertThat(Mrmr.mutualInformation(F3, CLASS)).isCloseTo(0, within(1e-15));
    }

    @Test
    void mutualInformationMatchesScikitLearn() {
        int[][] columns = {F0, F1, F2, F3, CLASS, {5, 7, 7, 9, 5, 9, 9, 7}};
        JsonNode ref = PythonOracle.run("""
                from sklearn.metrics import mutual_info_score
                cols = data['cols']
                print(json.dumps([[mutual_info_score(a, b) for b in cols] for a in cols]))
                """, Map.of("cols", columns));
        for (int i = 0; i < columns.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                assertThat(Mrmr.mutualInformation(columns[i], columns[j])).isCloseTo(ref.get(i).get(j).asDouble(), within(1e-12));
            }
        }
    }

    @Test
    void prefersAComplementaryFeatureOverARedundantCopy() {
        int[][] features = new int[8][4];
        for (int i = 0; i < 8; i++) features[i] = new int[] {F0[i], F1[i], F2[i], F3[i]};
        Mrmr.Selection s = Mrmr.select(features, CLASS, 3);
        // relevance alone would rank F0, F1, F2; the MID criterion takes F2 before F0's copy:
        // step 2: F1 scores I(F1;c) - I(F1;F0) = 0.380 - 0.662 < 0, F2 scores 0.131 - 0.034 = 0.097
        // step 3: F1 scores 0.380 - (0.662 + 0.034)/2 = 0.033, F3 scores 0 - (0.034 + 0)/2 < 0
        assertThat(s.features()).containsExactly(0, 2, 1);
        double relF0 = Mrmr.mutualInformation(F0, CLASS), relF2 = Mrmr.mutualInformation(F2, CLASS);
        double h = Mrmr.mutualInformation(F0, F0), r20 = Mrmr.mutualInformation(F2, F0);
        assertThat(s.score()).containsExactly(new double[] {relF0, relF2 - r20, relF0 - (h + r20) / 2}, within(1e-15));
        assertThat(s.relevance()).containsExactly(new double[] {relF0, relF2, relF0}, within(1e-15));
    }

    @Test
    void discretisesByMeanAndStandardDeviation() {
        // mean 5, sample sd sqrt(10) ≈ 3.162: with α = 0.5 the cut points are 3.419 and 6.581
        assertThat(Mrmr.discretise(new double[] {1, 3, 5, 7, 9}, 0.5)).containsExactly(0, 0, 1, 2, 2);
        assertThat(Mrmr.discretise(new double[] {1, 3, 5, 7, 9}, 1)).containsExactly(0, 1, 1, 1, 2);
    }

    @Test
    void checksArguments() {
        assertThatThrownBy(() -> Mrmr.select(new int[][] {{1}, {0}}, CLASS, 1)).hasMessageContaining("one class per case");
        assertThatThrownBy(() -> Mrmr.select(new int[][] {{1}, {0}}, new int[] {0, 1}, 2)).hasMessageContaining("between 1 and 1");
    }
}

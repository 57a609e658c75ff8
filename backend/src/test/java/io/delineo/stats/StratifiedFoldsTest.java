package io.delineo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    static String[] cohort(long seed) {
        // 23 × G2, 7 × G1, 11 × G3 in a random order (G2 appears first)
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 23; i++) labels.add("G2");
        for (int i = 0; i < 7; i++) labels.add("G1");
        for (int i = 0; i < 11; i++) labels.add("G3");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = labels.size() - 1; i > 1; i--) {
            int j = 1 + random.nextInt(i); // keep position 0 (a G2) in place
            String t = labels.get(i);
            labels.set(i, labels.get(j));
            labels.set(j, t);
        }
        return labels.toArray(String[]::new);
    }

    @Test
    void foldClassCountsMatchScikitLearnsStratifiedKFold() {
        int[] ks = {2, 3, 5, 7};
        List<String[]> cohorts = new ArrayList<>();
        for (int k : ks) cohorts.add(cohort(k));
        JsonNode ref = PythonOracle.run("""
                from sklearn.model_selection import StratifiedKFold
                result = []
                for y, k in zip(data['cohorts'], data['ks']):
                    y = np.array(y)
                    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=0).split(np.zeros(len(y)), y)
                    result.append([[int((y[test] == c).sum()) for c in data['labels']] for _, test in folds])
                print(json.dumps(result))
                """, Map.of("cohorts", cohorts, "ks", ks, "labels", List.of("G1", "G2", "G3")));
        for (int t = 0; t < ks.length; t++) {
            int k = ks[t];
            String[] classes = cohorts.get(t);
            int[] fold = StratifiedFolds.assign(classes, k, 123L);
            for (int f = 0; f < k; f++) {
                for (int c = 0; c < 3; c++) {
                    String label = List.of("G1", "G2", "G3").get(c);
                    int count = 0;
                    for (int i = 0; i < classes.length; i++) if (fold[i] == f && classes[i].equals(label)) count++;
                    assertThat(count).as("k=%d fold %d class %s", k, f, label).isEqualTo(ref.get(t).get(f).get(c).asInt());
                }
            }
        }
    }

    @Test
    void repeatedFoldsPartitionTheCasesAndKeepEachClassBalanced() {
        String[] classes = cohort(1);
        List<StratifiedFolds.Split> splits = StratifiedFolds.repeated(classes, 5, 5, 2026L);
        assertThat(splits).hasSize(25);
        Map<Integer, Set<Integer>> testedPerRepeat = new LinkedHashMap<>();
        Set<String> distinctAssignments = new HashSet<>();
        for (StratifiedFolds.Split s : splits) {
            Set<Integer> all = new HashSet<>();
            for (int i : s.train()) all.add(i);
            for (int i : s.test()) assertThat(all.add(i)).as("a case is in train and test").isTrue();
            assertThat(all).hasSize(classes.length);
            Set<Integer> tested = testedPerRepeat.computeIfAbsent(s.repeat(), r -> new HashSet<>());
            for (int i : s.test()) assertThat(tested.add(i)).as("a case is tested twice in one repeat").isTrue();
            for (String c : new String[] {"G1", "G2", "G3"}) {
                long total = Arrays.stream(classes).filter(c::equals).count();
                long inTest = Arrays.stream(s.test()).filter(i -> classes[i].equals(c)).count();
                assertThat(Math.abs(inTest - total / 5.0)).as("class %s in fold", c).isLessThan(1.0);
            }
            assertThat(s.test().length).isBetween(8, 9);
            distinctAssignments.add(Arrays.toString(s.test()));
        }
        testedPerRepeat.values().forEach(t -> assertThat(t).hasSize(classes.length));
        assertThat(distinctAssignments).as("repeats reshuffle the folds").hasSize(25);
        assertThat(StratifiedFolds.repeated(classes, 5, 5, 2026L).get(7).test()).isEqualTo(splits.get(7).test());
    }

    @Test
    void refusesAClassWithFewerCasesThanFolds() {
        String[] classes = {"G1", "G1", "G1", "G2", "G2", "G2", "G2", "G2", "G2"};
        assertThatThrownBy(() -> StratifiedFolds.assign(classes, 5, 1L))
                .hasMessage("class 'G1' has 3 cases, fewer than the 5 folds: every fold needs a case of each class;"
                        + " use at most 3 folds or add cases of class 'G1'");
        assertThatThrownBy(() -> StratifiedFolds.assign(classes, 1, 1L)).hasMessageContaining("at least 2 folds");
    }
}

package io.delineo.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Repeated stratified k-fold assignment: each fold's test part holds each class in (almost) the same proportion as
 * the whole set. Class counts per fold follow the allocation scikit-learn's {@code StratifiedKFold} uses (cases
 * sorted by class, in order of first appearance, dealt round-robin to the folds), so fold sizes differ by at most one;
 * which cases of a class go to which fold is a seeded shuffle, so a (seed, repeat) pair always gives the same folds.
 */
public final class StratifiedFolds {
    private StratifiedFolds() { }

    /** One train/test split: fold {@code fold} of repeat {@code repeat}. Indices are case positions. */
    public record Split(int repeat, int fold, int[] train, int[] test) { }

    /** Fold (0..folds-1) of every case for one repeat. */
    public static int[] assign(String[] classes, int folds, long seed) {
        if (folds < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        int n = classes.length;
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (classes[i] == null) throw new IllegalArgumentException("case " + (i + 1) + " has no class");
            members.computeIfAbsent(classes[i], c -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            int count = e.getValue().size();
            if (count < folds)
                throw new IllegalArgumentException("class '" + e.getKey() + "' has " + count + (count == 1 ? " case" : " cases")
                        + ", fewer than the " + folds + " folds: every fold needs a case of each class; use at most " + count
                        + " folds or add cases of class '" + e.getKey() + "'");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[n];
        int position = 0;
        for (List<Integer> cases : members.values()) {
            int size = cases.size();
            int[] labels = new int[size];
            for (int t = 0; t < size; t++) labels[t] = (position + t) % folds;
            position += size;
            for (int t = size - 1; t > 0; t--) {
                int s = random.nextInt(t + 1);
                int tmp = labels[t];
                labels[t] = labels[s];
                labels[s] = tmp;
            }
            for (int t = 0; t < size; t++) fold[cases.get(t)] = labels[t];
        }
        return fold;
    }

    /** All splits of {@code repeats} × {@code folds} cross-validation (e.g. 5 × 5); repeat r uses a seed derived from seed and r. */
    public static List<Split> repeated(String[] classes, int folds, int repeats, long seed) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        List<Split> splits = new ArrayList<>(folds * repeats);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int r = 0; r < repeats; r++) {
            int[] fold = assign(classes, folds, seeds.nextLong());
            for (int f = 0; f < folds; f++) {
                int testSize = 0;
                for (int v : fold) if (v == f) testSize++;
                int[] test = new int[testSize], train = new int[fold.length - testSize];
                int a = 0, b = 0;
                for (int i = 0; i < fold.length; i++) {
                    if (fold[i] == f) test[a++] = i;
                    else train[b++] = i;
                }
                splits.add(new Split(r, f, train, test));
            }
        }
        return splits;
    }
}

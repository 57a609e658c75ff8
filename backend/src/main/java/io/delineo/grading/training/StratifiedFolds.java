package io.delineo.grading.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold assignment: the cases of each class are shuffled with the seed and dealt to folds in turn, so
 * every fold holds floor or ceil of (class size / k) cases of each class.
 */
public final class StratifiedFolds {
    private StratifiedFolds() { }

    /** Fold number (0..k-1) of each case. */
    public static int[] assign(int[] classOf, int classes, int k, long seed) {
        int[] fold = new int[classOf.length];
        Random rnd = new Random(seed);
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < classOf.length; i++) if (classOf[i] == c) members.add(i);
            Collections.shuffle(members, rnd);
            // continue dealing where the previous class stopped, so fold sizes stay balanced overall
            for (int i : members) fold[i] = next++ % k;
        }
        return fold;
    }
}

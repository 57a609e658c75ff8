package io.delineo.grading.training;

import io.delineo.grading.evaluation.ClassifierEvaluation;
import io.delineo.grading.evaluation.RocCurve;
import io.delineo.grading.model.GradingTask;

import java.util.ArrayList;
import java.util.List;

/**
 * The research loop: stratified k-fold cross-validation with the standardisation fitted inside each training fold,
 * then a final model on all cases. Deterministic for a config (seeded folds, deterministic LIBLINEAR solver, seeded bootstrap).
 */
public final class GradingTrainer {
    private GradingTrainer() { }

    public static CrossValidationReport crossValidate(List<TrainingRow> rows, TrainingConfig cfg) {
        Cohort c = Cohort.of(rows, cfg);
        int n = c.size(), k = cfg.folds();
        int[] foldOf = StratifiedFolds.assign(c.classOf(), c.labels().size(), k, cfg.seed());
        double[][] oof = new double[n][];
        List<FoldResult> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int[] train = indices(foldOf, f, false), test = indices(foldOf, f, true);
            Standardiser s = Standardiser.fit(c.x(), train);
            double[][] z = standardise(c.x(), s);
            LassoLogistic m = LassoLogistic.fit(z, c.classOf(), c.features(), c.labels(), train, cfg);
            for (int i : test) oof[i] = m.probabilities(z[i], c.features(), c.labels());
            folds.add(new FoldResult(f, train.length, test.length, foldAuc(cfg.task(), oof, c.classOf(), test, c.labels().size()),
                    m.selectedFeatures()));
        }
        ClassifierEvaluation pooled = ClassifierEvaluation.evaluate(oof, c.classOf(), c.labels(), cfg.bootstrapResamples(),
                cfg.seed(), cfg.calibrationBins());
        return new CrossValidationReport(cfg.task(), c.caseIds(), c.labels(), foldOf, oof, folds, pooled);
    }

    /** The final model: standardisation and fit on all cases. */
    public static TrainedGradingModel trainFinal(List<TrainingRow> rows, TrainingConfig cfg) {
        Cohort c = Cohort.of(rows, cfg);
        int[] all = new int[c.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        Standardiser s = Standardiser.fit(c.x(), all);
        LassoLogistic m = LassoLogistic.fit(standardise(c.x(), s), c.classOf(), c.features(), c.labels(), all, cfg);
        return new TrainedGradingModel(cfg, c, s, m);
    }

    static double[][] standardise(double[][] x, Standardiser s) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) z[i] = s.apply(x[i]);
        return z;
    }

    private static int[] indices(int[] foldOf, int f, boolean inFold) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < foldOf.length; i++) if ((foldOf[i] == f) == inFold) out.add(i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double foldAuc(GradingTask task, double[][] probs, int[] cls, int[] test, int classes) {
        int per = task == GradingTask.G1_VS_G2G3 ? 1 : classes;
        double[] s = new double[test.length * per];
        boolean[] pos = new boolean[s.length];
        boolean anyPos = false, anyNeg = false;
        for (int t = 0; t < test.length; t++) {
            int i = test[t];
            for (int q = 0; q < per; q++) {
                int cl = per == 1 ? 1 : q;
                s[t * per + q] = probs[i][cl];
                pos[t * per + q] = cls[i] == cl;
                anyPos |= pos[t * per + q];
                anyNeg |= !pos[t * per + q];
            }
        }
        return anyPos && anyNeg ? RocCurve.auc(s, pos) : Double.NaN;
    }
}

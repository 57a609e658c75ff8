package io.delineo.grading.training;

import io.delineo.grading.model.GradingTask;
import io.delineo.stats.Bootstrap;

import java.util.List;

/**
 * Settings of one training run. {@code features} null means every feature column present in the rows. The model is
 * L1-regularised logistic regression (LASSO-style, sparse) fitted by LIBLINEAR through Tribuo (solver L1R_LR):
 * minimise {@code l1 * |w|_1 + mean log-loss}, i.e. LIBLINEAR's cost {@code C = 1 / (l1 * training cases)}. For three
 * classes LIBLINEAR fits one-vs-rest models and normalises their logistic outputs to sum to 1.
 */
public record TrainingConfig(GradingTask task, List<String> features, int folds, long seed, double l1,
                             int maxIterations, double tolerance, int bootstrapResamples, int calibrationBins) {
    public TrainingConfig {
        if (task == null) throw new TrainingException("a task is required");
        if (features != null) {
            if (features.isEmpty()) throw new TrainingException("the feature subset is empty");
            if (features.stream().distinct().count() != features.size()) throw new TrainingException("the feature subset lists a feature twice");
            features = List.copyOf(features);
        }
        if (folds < 2) throw new TrainingException("cross-validation needs at least 2 folds, got " + folds);
        if (!(l1 > 0) || !Double.isFinite(l1)) throw new TrainingException("the L1 strength must be > 0, got " + l1);
        if (maxIterations < 1) throw new TrainingException("maxIterations must be >= 1");
        if (!(tolerance > 0)) throw new TrainingException("tolerance must be > 0");
        if (bootstrapResamples < 100) throw new TrainingException("use at least 100 bootstrap resamples");
        if (calibrationBins < 1) throw new TrainingException("calibration needs at least one bin");
    }

    /** 5-fold CV, seed 42, l1 0.05, 1000 iterations, tolerance 0.001, 2000 bootstrap resamples, 10 calibration bins. */
    public static TrainingConfig defaults(GradingTask task) {
        return new TrainingConfig(task, null, 5, 42L, 0.05, 1000, 1e-3, Bootstrap.DEFAULT_RESAMPLES, 10);
    }

    public TrainingConfig withFeatures(List<String> subset) {
        return new TrainingConfig(task, subset, folds, seed, l1, maxIterations, tolerance, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withL1(double strength) {
        return new TrainingConfig(task, features, folds, seed, strength, maxIterations, tolerance, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(task, features, folds, s, l1, maxIterations, tolerance, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withFolds(int k) {
        return new TrainingConfig(task, features, k, seed, l1, maxIterations, tolerance, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withBootstrapResamples(int n) {
        return new TrainingConfig(task, features, folds, seed, l1, maxIterations, tolerance, n, calibrationBins);
    }
}

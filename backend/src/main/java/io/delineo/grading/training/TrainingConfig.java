package io.delineo.grading.training;

import io.delineo.grading.evaluation.Bootstrap;
import io.delineo.grading.model.GradingTask;

import java.util.List;

/**
 * Settings of one training run. {@code features} null means every feature column present in the rows. The model is
 * multinomial logistic regression (softmax, log loss; for two classes the same as binary logistic regression with
 * one weight row per class) trained by Tribuo's {@code LinearSGDTrainer} with the AdaGrad regularised dual averaging
 * optimiser, whose L1 term ({@code l1}, scaled by the number of training cases) sets weights exactly to zero.
 */
public record TrainingConfig(GradingTask task, List<String> features, int folds, long seed, double l1, double l2,
                             int epochs, double learningRate, double epsilon, int bootstrapResamples,
                             int calibrationBins) {
    public TrainingConfig {
        if (task == null) throw new TrainingException("a task is required");
        if (features != null) {
            if (features.isEmpty()) throw new TrainingException("the feature subset is empty");
            if (features.stream().distinct().count() != features.size()) throw new TrainingException("the feature subset lists a feature twice");
            features = List.copyOf(features);
        }
        if (folds < 2) throw new TrainingException("cross-validation needs at least 2 folds, got " + folds);
        if (!(l1 >= 0) || !(l2 >= 0)) throw new TrainingException("l1 and l2 must be >= 0");
        if (epochs < 1) throw new TrainingException("epochs must be >= 1");
        if (!(learningRate > 0) || !(epsilon > 0)) throw new TrainingException("learning rate and epsilon must be > 0");
        if (bootstrapResamples < 100) throw new TrainingException("use at least 100 bootstrap resamples");
        if (calibrationBins < 1) throw new TrainingException("calibration needs at least one bin");
    }

    /** 5-fold CV, seed 42, l1 0.01, 60 epochs, learning rate 0.5, 2000 bootstrap resamples, 10 calibration bins. */
    public static TrainingConfig defaults(GradingTask task) {
        return new TrainingConfig(task, null, 5, 42L, 0.01, 0.0, 60, 0.5, 1e-6, Bootstrap.DEFAULT_RESAMPLES, 10);
    }

    public TrainingConfig withFeatures(List<String> subset) {
        return new TrainingConfig(task, subset, folds, seed, l1, l2, epochs, learningRate, epsilon, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withL1(double strength) {
        return new TrainingConfig(task, features, folds, seed, strength, l2, epochs, learningRate, epsilon, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(task, features, folds, s, l1, l2, epochs, learningRate, epsilon, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withFolds(int k) {
        return new TrainingConfig(task, features, k, seed, l1, l2, epochs, learningRate, epsilon, bootstrapResamples, calibrationBins);
    }

    public TrainingConfig withBootstrapResamples(int n) {
        return new TrainingConfig(task, features, folds, seed, l1, l2, epochs, learningRate, epsilon, n, calibrationBins);
    }

    public TrainingConfig withOptimiser(int epochsCount, double rate) {
        return new TrainingConfig(task, features, folds, seed, l1, l2, epochsCount, rate, epsilon, bootstrapResamples, calibrationBins);
    }
}

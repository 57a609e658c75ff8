package io.delineo.grading.inference;

import io.delineo.grading.model.ModelCard;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.RadiomicsInputSpec;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.grading.model.RoiImageInputSpec;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.FeatureResult;
import io.delineo.radiomics.RadiomicsExtractor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs registered grading models on one case. Thread-safe: the engine's sessions are shared, everything else is
 * per call. Refuses (with {@link InferenceException}) inputs the card does not allow and outputs that are not a
 * probability distribution.
 */
public final class GradingPredictor {
    private static final double SUM_TOLERANCE = 1e-3;

    private final ModelRegistry registry;
    private final RadiomicsExtractor extractor = new RadiomicsExtractor();

    public GradingPredictor(ModelRegistry registry) {
        if (registry == null) throw new IllegalArgumentException("registry is required");
        this.registry = registry;
    }

    /** Radiomics model on a feature-engine result (its settings hash must match the card). */
    public GradingPrediction predictRadiomics(RegisteredModel model, FeatureResult features) {
        long t0 = System.nanoTime();
        InputTensor x = RadiomicsTensor.build(radiomicsSpec(model), features);
        return run(model, x, System.nanoTime() - t0);
    }

    /** Radiomics model on stored feature values (column → value); the caller vouches for the settings. */
    public GradingPrediction predictRadiomics(RegisteredModel model, Map<String, Double> features) {
        long t0 = System.nanoTime();
        InputTensor x = RadiomicsTensor.build(radiomicsSpec(model), features);
        return run(model, x, System.nanoTime() - t0);
    }

    /** Computes the card's features on the image and ROI with the card's settings, then predicts. */
    public GradingPrediction predictRadiomics(RegisteredModel model, Volume image, BitMask roi) {
        RadiomicsInputSpec spec = radiomicsSpec(model);
        if (roi == null || image == null) throw new InferenceException("an image and an ROI are required");
        if (!roi.grid().sameGeometry(image.grid(), BitMask.SAME_GRID_TOLERANCE_MM)) {
            throw new InferenceException("the ROI mask is not on the image grid (" + roi.grid() + " vs " + image.grid() + ")");
        }
        long t0 = System.nanoTime();
        FeatureResult f = extractor.extract(image, roi::get, spec.settings());
        InputTensor x = RadiomicsTensor.build(spec, f);
        return run(model, x, System.nanoTime() - t0);
    }

    /** ROI-image model: {@code phases} maps the card's phase names to co-registered volumes. */
    public GradingPrediction predictRoiImage(RegisteredModel model, Map<String, Volume> phases, BitMask roi) {
        if (!(model.card().input() instanceof RoiImageInputSpec spec)) {
            throw new InferenceException(model.key() + " takes " + model.card().input().kind() + " input, not roi-image");
        }
        long t0 = System.nanoTime();
        InputTensor x = RoiImageTensor.build(spec, phases, roi);
        return run(model, x, System.nanoTime() - t0);
    }

    /** Runs an already assembled tensor (e.g. to reproduce a stored prediction from its tensor). */
    public GradingPrediction run(RegisteredModel model, InputTensor x, long assemblyNanos) {
        ModelCard card = model.card();
        if (registry.find(card.id(), card.version()).orElse(null) != model) {
            throw new InferenceException(model.key() + " is not registered in this registry");
        }
        long t0 = System.nanoTime();
        float[] out = registry.engine().run(model.sha256(), card.input().tensorName(), x.data(), x.shape(),
                card.outputTensorName());
        long inference = System.nanoTime() - t0;
        List<String> labels = card.classLabels();
        if (out.length != labels.size()) {
            throw new InferenceException("the model returned " + out.length + " values for " + labels.size() + " labels");
        }
        Map<String, Double> probs = new LinkedHashMap<>();
        double sum = 0;
        int best = 0;
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] >= 0 && out[i] <= 1)) {
                throw new InferenceException("the model returned " + out[i] + " for " + labels.get(i) + ", not a probability");
            }
            probs.put(labels.get(i), (double) out[i]);
            sum += out[i];
            if (out[i] > out[best]) best = i;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new InferenceException("the model's probabilities sum to " + sum + ", not 1");
        }
        List<String> warnings = new ArrayList<>(x.warnings());
        if (card.researchUseOnly()) warnings.add("research use only: not for clinical decisions");
        return new GradingPrediction(card.id(), card.version(), model.sha256(), x.sha256(), probs, labels.get(best),
                card.researchUseOnly(), assemblyNanos, inference, warnings);
    }

    private static RadiomicsInputSpec radiomicsSpec(RegisteredModel model) {
        if (model == null) throw new InferenceException("a model is required");
        if (!(model.card().input() instanceof RadiomicsInputSpec spec)) {
            throw new InferenceException(model.key() + " takes " + model.card().input().kind() + " input, not radiomics");
        }
        return spec;
    }
}

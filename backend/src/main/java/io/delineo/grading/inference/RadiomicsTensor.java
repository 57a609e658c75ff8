package io.delineo.grading.inference;

import io.delineo.grading.model.FeatureNormalisation;
import io.delineo.grading.model.RadiomicsInputSpec;
import io.delineo.radiomics.FeatureResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code [1, n]} radiomics tensor: the card's feature columns in card order, z-scored with the card's
 * means/SDs when the card says the portal applies the normalisation. Missing or non-finite features are refused
 * with their names: a model must never see an imputed value the portal invented.
 */
public final class RadiomicsTensor {
    private RadiomicsTensor() { }

    /** From a feature-engine result: its settings hash must be the card's. */
    public static InputTensor build(RadiomicsInputSpec spec, FeatureResult result) {
        if (result == null) throw new InferenceException("no feature result given");
        if (!spec.settingsSha256().equals(result.settingsHash())) {
            throw new InferenceException("the features were computed with settings " + result.settingsHash()
                    + " but the model needs settings " + spec.settingsSha256() + " (" + spec.settings().canonicalJson()
                    + "); recompute the features with the model's settings");
        }
        return build(spec, result.values());
    }

    /** From a map of feature column to value (e.g. stored results whose settings the caller has checked). */
    public static InputTensor build(RadiomicsInputSpec spec, Map<String, Double> features) {
        if (features == null) throw new InferenceException("no features given");
        List<String> names = spec.features();
        List<String> missing = new ArrayList<>(), nonFinite = new ArrayList<>();
        float[] x = new float[names.size()];
        FeatureNormalisation norm = spec.normalisation();
        boolean portal = norm.appliedBy() == FeatureNormalisation.AppliedBy.PORTAL;
        for (int i = 0; i < x.length; i++) {
            Double v = features.get(names.get(i));
            if (v == null) {
                missing.add(names.get(i));
            } else if (!Double.isFinite(v)) {
                nonFinite.add(names.get(i));
            } else {
                x[i] = (float) (portal ? (v - norm.mean(i)) / norm.sd(i) : v);
            }
        }
        if (!missing.isEmpty() || !nonFinite.isEmpty()) {
            StringBuilder b = new StringBuilder("cannot grade: the model needs ").append(names.size()).append(" features;");
            if (!missing.isEmpty()) b.append(" missing ").append(missing).append(';');
            if (!nonFinite.isEmpty()) b.append(" undefined (NaN/infinite) for this ROI ").append(nonFinite).append(';');
            b.setLength(b.length() - 1);
            throw new InferenceException(b.toString());
        }
        return InputTensor.of(x, spec.tensorShape(), List.of());
    }
}

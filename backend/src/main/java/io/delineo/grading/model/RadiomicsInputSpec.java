package io.delineo.grading.model;

import io.delineo.radiomics.settings.RadiomicsSettings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Radiomics input: a float32 tensor {@code [1, features.size()]} whose columns are the named feature columns
 * (as {@code FeatureResult.values()} keys them) in exactly this order, computed under {@code settings}.
 */
public record RadiomicsInputSpec(String tensorName, List<String> features, RadiomicsSettings settings,
                                 FeatureNormalisation normalisation) implements InputSpec {
    public RadiomicsInputSpec {
        if (tensorName == null || tensorName.isBlank()) throw new ModelCardException("\"input.tensorName\" is required");
        if (features == null || features.isEmpty()) {
            throw new ModelCardException("\"input.features\" must list the feature columns in tensor order");
        }
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (f == null || f.isBlank()) throw new ModelCardException("\"input.features\" contains an empty name");
            if (!seen.add(f)) throw new ModelCardException("\"input.features\" lists \"" + f + "\" twice");
        }
        if (settings == null) throw new ModelCardException("\"input.featureSettings\" is required");
        if (normalisation == null) throw new ModelCardException("\"input.normalisation\" is required");
        if (normalisation.size() != features.size()) {
            throw new ModelCardException("\"input.normalisation\" has " + normalisation.size()
                    + " means/sds but \"input.features\" has " + features.size() + " names");
        }
        features = List.copyOf(features);
    }

    @Override public String kind() { return "radiomics"; }

    @Override public long[] tensorShape() { return new long[]{1, features.size()}; }

    /** SHA-256 of the canonical settings JSON; feature results must carry the same hash. */
    public String settingsSha256() { return settings.sha256(); }
}

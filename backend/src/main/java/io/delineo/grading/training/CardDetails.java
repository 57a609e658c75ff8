package io.delineo.grading.training;

import io.delineo.grading.model.DataNature;
import io.delineo.radiomics.settings.RadiomicsSettings;

import java.time.Instant;
import java.util.List;

/** What a generated model card needs beyond the training run itself. */
public record CardDetails(String id, String version, RadiomicsSettings featureSettings, String dataDescription,
                          DataNature nature, String intendedUse, List<String> limitations, boolean researchUseOnly,
                          Instant created) {
    public CardDetails {
        if (featureSettings == null) throw new TrainingException("the feature settings the features were computed with are required");
        limitations = List.copyOf(limitations);
    }
}

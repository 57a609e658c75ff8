package io.delineo.grading.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.testing.DemoCase;
import io.delineo.grading.inference.OnnxRuntimeEngine;
import io.delineo.grading.model.ModelCard;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.grading.training.TrainingRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoModelsTest {
    static final Path RADIOMICS = DemoCase.MODELS.resolve("pnen-radiomics-demo");
    static final Path IMAGE = DemoCase.MODELS.resolve("pnen-roi-image-demo");

    /** The shipped radiomics model is exactly what the product's trainer makes from the committed cohort. */
    @Test
    void radiomicsDemoRebuildsByteForByteFromItsCohort() throws Exception {
        List<TrainingRow> rows = CohortCsv.read(RADIOMICS.resolve("synthetic-cohort.csv"));
        DemoRadiomicsModel.Built b = DemoRadiomicsModel.build(rows);
        assertThat(b.onnx()).isEqualTo(Files.readAllBytes(RADIOMICS.resolve("model.onnx")));
        ModelCard shipped = ModelCardJson.parse(Files.readString(RADIOMICS.resolve("model-card.json")));
        assertThat(b.card()).isEqualTo(shipped);
        assertThat(shipped.classLabels()).isEqualTo(b.model().labelOrder());
        assertThat(((io.delineo.grading.model.RadiomicsInputSpec) shipped.input()).features()).isEqualTo(b.model().featureOrder());
    }

    /** ONNX Runtime on the image graph against the numpy forward pass of train.py (reference-outputs.json). */
    @Test
    void roiImageDemoMatchesTheNumpyForwardPass() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(Files.readString(IMAGE.resolve("reference-outputs.json")));
        int n = 2 * 32 * 32 * 32;
        float[][] inputs = new float[2][n];
        for (int i = 0; i < n; i++) {
            inputs[0][i] = (float) (((long) i * 7919 % 1000) / 1000.0);
            inputs[1][i] = ((i / 37) % 5) < 2 ? 0.75f : 0.125f;
        }
        try (OnnxRuntimeEngine engine = new OnnxRuntimeEngine()) {
            RegisteredModel m = new ModelRegistry(engine).registerFolder(IMAGE);
            for (int r = 0; r < 2; r++) {
                float[] out = engine.run(m.sha256(), "image", inputs[r], new long[]{1, 2, 32, 32, 32}, "probabilities");
                JsonNode expected = ref.get("outputs").get(r).get("probabilities");
                for (int c = 0; c < 3; c++) assertThat((double) out[c]).isCloseTo(expected.get(c).asDouble(), within(1e-5));
            }
            assertThat(Files.size(IMAGE.resolve("model.onnx"))).isLessThan(1 << 20);
        }
    }
}

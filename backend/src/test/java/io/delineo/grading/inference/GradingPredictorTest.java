package io.delineo.grading.inference;

import io.delineo.testing.DemoCase;
import io.delineo.grading.demo.SyntheticLesion;
import io.delineo.grading.demo.SyntheticPnenGenerator;
import io.delineo.grading.model.Grade;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.RadiomicsInputSpec;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.FeatureResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradingPredictorTest {
    static OnnxRuntimeEngine engine;
    static ModelRegistry registry;
    static GradingPredictor predictor;
    static RegisteredModel radiomics, image;

    @BeforeAll
    static void load() {
        engine = new OnnxRuntimeEngine();
        registry = new ModelRegistry(engine);
        registry.loadAll(DemoCase.MODELS);
        predictor = new GradingPredictor(registry);
        radiomics = registry.require("pnen-radiomics-demo", "1.0.0");
        image = registry.require("pnen-roi-image-demo", "1.0.0");
    }

    @AfterAll
    static void close() { engine.close(); }

    static void assertDistribution(GradingPrediction p) {
        assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-5));
        assertThat(p.probabilities().values()).allMatch(v -> v >= 0 && v <= 1);
        assertThat(p.predictedLabel()).isEqualTo(p.probabilities().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        assertThat(p.researchUseOnly()).isTrue();
        assertThat(p.warnings()).contains("research use only: not for clinical decisions");
        assertThat(p.inputSha256()).matches("[0-9a-f]{64}");
        assertThat(p.inferenceNanos()).isPositive();
    }

    @Test
    void bothModelsGradeASyntheticCase() {
        SyntheticLesion l = SyntheticPnenGenerator.generate("T-1", Grade.G3, 99, 0);
        GradingPrediction r = predictor.predictRadiomics(radiomics, l.volume(), l.mask());
        assertDistribution(r);
        assertThat(r.probabilities().keySet()).containsExactly("G1", "G2/G3");
        GradingPrediction i = predictor.predictRoiImage(image, Map.of("CT_PORTAL_VENOUS", l.volume()), l.mask());
        assertDistribution(i);
        assertThat(i.probabilities().keySet()).containsExactly("G1", "G2", "G3");
        // the same input gives the same tensor hash and the same output
        GradingPrediction again = predictor.predictRoiImage(image, Map.of("CT_PORTAL_VENOUS", l.volume()), l.mask());
        assertThat(again.inputSha256()).isEqualTo(i.inputSha256());
        assertThat(again.probabilities()).isEqualTo(i.probabilities());
    }

    @Test
    void bothModelsRunOnTheDemoCtWithA20MlRoi() throws Exception {
        Volume ct = DemoCase.demoCt();
        BitMask roi = DemoCase.sphere(ct.grid(), 256, 256, 40, 20);
        assertThat(roi.cardinality() * ct.grid().voxelVolumeMm3() / 1000).isCloseTo(20, within(0.5));
        GradingPrediction r = predictor.predictRadiomics(radiomics, ct, roi);
        assertDistribution(r);
        GradingPrediction i = predictor.predictRoiImage(image, Map.of("CT_PORTAL_VENOUS", ct), roi);
        assertDistribution(i);
        System.out.println("demo CT, 20 mL sphere: radiomics " + r.probabilities() + ", roi-image " + i.probabilities());
    }

    @Test
    void radiomicsInputIsRefusedWithTheFeatureNames() {
        RadiomicsInputSpec spec = (RadiomicsInputSpec) radiomics.card().input();
        Map<String, Double> f = new HashMap<>();
        for (String name : spec.features()) f.put(name, 1.0);
        f.remove(spec.features().get(3));
        f.put(spec.features().get(7), Double.NaN);
        assertThatThrownBy(() -> predictor.predictRadiomics(radiomics, f)).isInstanceOf(InferenceException.class)
                .hasMessageContaining("missing [" + spec.features().get(3) + "]")
                .hasMessageContaining("undefined (NaN/infinite) for this ROI [" + spec.features().get(7) + "]");
        FeatureResult otherSettings = new FeatureResult(Map.of(), "0".repeat(64), "test");
        assertThatThrownBy(() -> predictor.predictRadiomics(radiomics, otherSettings))
                .hasMessageContaining("recompute the features with the model's settings");
        assertThatThrownBy(() -> predictor.predictRoiImage(radiomics, Map.of(), null)).hasMessageContaining("not roi-image");
    }

    @Test
    void portalAppliesTheCardsZScoreInCardOrder() {
        RadiomicsInputSpec spec = (RadiomicsInputSpec) radiomics.card().input();
        Map<String, Double> f = new HashMap<>();
        for (int j = 0; j < spec.features().size(); j++) f.put(spec.features().get(j), spec.normalisation().mean(j) + 2 * spec.normalisation().sd(j));
        float[] x = RadiomicsTensor.build(spec, f).data();
        for (float v : x) assertThat(v).isCloseTo(2f, within(1e-5f));
    }

    @Test
    void concurrentPredictionsAgree() throws Exception {
        SyntheticLesion l = SyntheticPnenGenerator.generate("T-2", Grade.G1, 99, 1);
        GradingPrediction ref = predictor.predictRoiImage(image, Map.of("CT_PORTAL_VENOUS", l.volume()), l.mask());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<GradingPrediction>> fs = new java.util.ArrayList<>();
            for (int n = 0; n < 16; n++) {
                fs.add(pool.submit(() -> predictor.predictRoiImage(image, Map.of("CT_PORTAL_VENOUS", l.volume()), l.mask())));
            }
            for (Future<GradingPrediction> f : fs) assertThat(f.get().probabilities()).isEqualTo(ref.probabilities());
        } finally {
            pool.shutdown();
        }
    }
}

package io.delineo.grading.training;

import io.delineo.grading.inference.OnnxRuntimeEngine;
import io.delineo.grading.model.DataNature;
import io.delineo.grading.model.Grade;
import io.delineo.grading.model.GradingTask;
import io.delineo.grading.model.ModelCard;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.RadiomicsInputSpec;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.radiomics.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradingTrainerTest {
    /** Gaussian cohort: "zeta_signal" and "alpha_signal" carry the grade, "mid_noise*" do not; names chosen so sorted order differs from insertion order. */
    static List<TrainingRow> cohort(int perGrade, long seed) {
        Random r = new Random(seed);
        List<TrainingRow> rows = new ArrayList<>();
        for (Grade g : Grade.values()) {
            for (int i = 0; i < perGrade; i++) {
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("zeta_signal", 100 + 30.0 * g.ordinal() + 20 * r.nextGaussian());
                f.put("mid_noise1", r.nextGaussian() * 5);
                f.put("alpha_signal", -0.5 * g.ordinal() + 0.6 * r.nextGaussian());
                f.put("mid_noise2", 1000 + r.nextGaussian() * 50);
                rows.add(new TrainingRow(g + "-" + i, f, g));
            }
        }
        return rows;
    }

    static CardDetails details(String id) {
        return new CardDetails(id, "1.0.0", RadiomicsSettings.parse("{\"discretisation\":{\"method\":\"FBS\",\"value\":25}}"),
                "synthetic Gaussian test cohort", DataNature.SYNTHETIC, "unit test", List.of("test only"), true,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void exportedOnnxReproducesTribuoForBothTasks() {
        for (GradingTask task : GradingTask.values()) {
            List<TrainingRow> rows = cohort(20, 3);
            TrainingConfig cfg = TrainingConfig.defaults(task).withL1(0.02).withBootstrapResamples(200);
            TrainedGradingModel m = GradingTrainer.trainFinal(rows, cfg);
            assertThat(m.featureOrder()).containsExactly("alpha_signal", "mid_noise1", "mid_noise2", "zeta_signal");
            CrossValidationReport cv = GradingTrainer.crossValidate(rows, cfg);
            byte[] onnx = m.exportOnnx();
            ModelCard card = m.card(details("parity-" + (task == GradingTask.G1_G2_G3 ? "three" : "two")), cv, onnx);
            assertThat(ModelCardJson.parse(ModelCardJson.write(card))).isEqualTo(card);
            try (OnnxRuntimeEngine engine = new OnnxRuntimeEngine()) {
                ModelRegistry registry = new ModelRegistry(engine);
                RegisteredModel reg = registry.register(onnx, ModelCardJson.write(card));
                RadiomicsInputSpec spec = (RadiomicsInputSpec) reg.card().input();
                double maxDiff = 0;
                for (TrainingRow row : rows) {
                    float[] x = io.delineo.grading.inference.RadiomicsTensor.build(spec, row.features()).data();
                    float[] ort = engine.run(reg.sha256(), "input", x, new long[]{1, x.length}, "output");
                    double[] tribuo = m.tribuoProbabilities(row.features());
                    for (int c = 0; c < ort.length; c++) maxDiff = Math.max(maxDiff, Math.abs(ort[c] - tribuo[c]));
                }
                assertThat(maxDiff).as("ONNX Runtime vs Tribuo, " + task).isLessThanOrEqualTo(1e-5);
            }
            assertThat(card.classLabels()).isEqualTo(m.labelOrder());
            assertThat(cv.headlineAuc().estimate()).isGreaterThan(0.7); // the signal is real
        }
    }

    @Test
    void l1StrengthMakesTheModelSparse() {
        List<TrainingRow> rows = cohort(25, 4);
        List<String> weak = GradingTrainer.trainFinal(rows, TrainingConfig.defaults(GradingTask.G1_VS_G2G3).withL1(0.001)).selectedFeatures();
        List<String> strong = GradingTrainer.trainFinal(rows, TrainingConfig.defaults(GradingTask.G1_VS_G2G3).withL1(0.1)).selectedFeatures();
        assertThat(strong.size()).isLessThan(weak.size());
        assertThat(strong).isNotEmpty().allMatch(f -> f.endsWith("_signal"));
    }

    @Test
    void crossValidationIsStratifiedAndDeterministic() {
        List<TrainingRow> rows = cohort(12, 5);
        TrainingConfig cfg = TrainingConfig.defaults(GradingTask.G1_G2_G3).withBootstrapResamples(200);
        CrossValidationReport a = GradingTrainer.crossValidate(rows, cfg), b = GradingTrainer.crossValidate(rows, cfg);
        assertThat(a.outOfFold()).isDeepEqualTo(b.outOfFold());
        for (int f = 0; f < 5; f++) {
            Map<Grade, Integer> perGrade = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) if (a.foldOf()[i] == f) perGrade.merge(rows.get(i).grade(), 1, Integer::sum);
            assertThat(perGrade.values()).allMatch(n -> n == 2 || n == 3); // 12 per grade over 5 folds
        }
        for (double[] p : a.outOfFold()) assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-9));
    }

    @Test
    void standardisationUsesTheTrainingRowsOnly() {
        double[][] x = {{1}, {3}, {100}};
        Standardiser s = Standardiser.fit(x, new int[]{0, 1});
        assertThat(s.means()[0]).isEqualTo(2);
        assertThat(s.sds()[0]).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(s.apply(new double[]{100})[0]).isCloseTo(98 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void refusesWhatCannotBeTrained() {
        TrainingConfig cfg = TrainingConfig.defaults(GradingTask.G1_G2_G3);
        List<TrainingRow> few = new ArrayList<>(cohort(6, 6));
        few.removeIf(r -> r.grade() == Grade.G3 && !r.caseId().endsWith("-0") && !r.caseId().endsWith("-1"));
        assertThatThrownBy(() -> GradingTrainer.crossValidate(few, cfg)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("at least 5 cases").hasMessageContaining("G3 (2)");
        List<TrainingRow> single = cohort(6, 6).stream().filter(r -> r.grade() == Grade.G2).toList();
        assertThatThrownBy(() -> GradingTrainer.crossValidate(single, cfg)).hasMessageContaining("same class");
        List<TrainingRow> nan = new ArrayList<>(cohort(6, 6));
        Map<String, Double> f = new HashMap<>(nan.get(3).features());
        f.put("mid_noise1", Double.NaN);
        nan.set(3, new TrainingRow(nan.get(3).caseId(), f, nan.get(3).grade()));
        assertThatThrownBy(() -> GradingTrainer.trainFinal(nan, cfg)).hasMessageContaining("NaN")
                .hasMessageContaining(nan.get(3).caseId()).hasMessageContaining("mid_noise1");
    }
}

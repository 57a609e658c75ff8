package io.delineo.grading.demo;

import io.delineo.grading.model.DataNature;
import io.delineo.grading.model.Grade;
import io.delineo.grading.model.GradingTask;
import io.delineo.grading.model.ModelCard;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.training.CardDetails;
import io.delineo.grading.training.CrossValidationReport;
import io.delineo.grading.training.FoldResult;
import io.delineo.grading.training.GradingTrainer;
import io.delineo.grading.training.TrainedGradingModel;
import io.delineo.grading.training.TrainingConfig;
import io.delineo.grading.training.TrainingRow;
import io.delineo.radiomics.FeatureResult;
import io.delineo.radiomics.RadiomicsExtractor;
import io.delineo.radiomics.settings.RadiomicsSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@code pnen-radiomics-demo} model (research use only, SYNTHETIC data) with the product's own code path:
 * synthetic volumes ({@link SyntheticPnenGenerator}) → the radiomics engine with {@link #SETTINGS_JSON} → the
 * grading trainer (5-fold CV, L1 logistic regression) → ONNX + card. Deterministic: rebuilding gives the same bytes.
 *
 * <p>Usage (from {@code backend/}, see {@code onnx-models/pnen-radiomics-demo/train.sh}):
 * {@code DemoRadiomicsModel [--out DIR] [--from-csv]}; {@code --from-csv} retrains from the committed cohort CSV
 * instead of regenerating the volumes.
 */
public final class DemoRadiomicsModel {
    public static final String ID = "pnen-radiomics-demo";
    public static final String VERSION = "1.0.0";
    public static final long COHORT_SEED = 20240601L;
    /** Fixed so a rebuild is byte-identical; the date the demo model was first built. */
    public static final Instant CREATED = Instant.parse("2026-11-27T00:00:00Z");
    /** Modest, fast settings: 1.5 mm isotropic, HU re-segmentation, 25 HU bins, 3-D texture, no filters. */
    public static final String SETTINGS_JSON = "{\"dimensions\":\"3D\",\"resampling\":{\"spacingMm\":[1.5,1.5,1.5],"
            + "\"interpolation\":\"linear\"},\"resegmentation\":{\"range\":[-150,400]},"
            + "\"discretisation\":{\"method\":\"FBS\",\"value\":25}}";
    public static final int[] CASES_PER_GRADE = {45, 40, 25};
    public static final double L1 = 0.05;

    private DemoRadiomicsModel() { }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("../onnx-models/" + ID);
        boolean fromCsv = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) out = Path.of(args[++i]);
            else if (args[i].equals("--from-csv")) fromCsv = true;
            else throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: [--out DIR] [--from-csv]");
        }
        Files.createDirectories(out);
        Path csv = out.resolve("synthetic-cohort.csv");
        List<TrainingRow> rows;
        if (fromCsv) {
            rows = CohortCsv.read(csv);
        } else {
            rows = generateCohort();
            CohortCsv.write(csv, rows, usableFeatures(rows));
        }
        rows = CohortCsv.read(csv); // train from exactly what is committed
        Built b = build(rows);
        Files.write(out.resolve("model.onnx"), b.onnx());
        Files.writeString(out.resolve("model-card.json"), ModelCardJson.write(b.card()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("cv-report.txt"), b.report(), StandardCharsets.UTF_8);
        System.out.print(b.report());
    }

    /** Model bytes, card and a human-readable CV report. */
    public record Built(byte[] onnx, ModelCard card, CrossValidationReport cv, TrainedGradingModel model, String report) { }

    public static TrainingConfig config() {
        return TrainingConfig.defaults(GradingTask.G1_VS_G2G3).withL1(L1);
    }

    public static Built build(List<TrainingRow> rows) {
        TrainingConfig cfg = config();
        CrossValidationReport cv = GradingTrainer.crossValidate(rows, cfg);
        TrainedGradingModel m = GradingTrainer.trainFinal(rows, cfg);
        byte[] onnx = m.exportOnnx();
        ModelCard card = m.card(new CardDetails(ID, VERSION, RadiomicsSettings.parse(SETTINGS_JSON),
                "SYNTHETIC cohort of " + rows.size() + " computer-generated CT-like lesion volumes (no patient data): "
                        + "ellipsoidal lesions in a pancreas-like slab whose size, enhancement, internal heterogeneity, "
                        + "margin lobulation and necrosis depend on the grade by an invented generative model "
                        + "(io.delineo.grading.demo.SyntheticPnenGenerator, seed " + COHORT_SEED + "); features from the "
                        + "Delineo radiomics engine with the settings below.",
                DataNature.SYNTHETIC,
                "Demonstration and software testing of the grading pipeline (feature extraction, inference, model "
                        + "cards, tumour-board display). Not for any statement about a patient.",
                List.of("Trained on synthetic data only: its outputs say nothing about real pancreatic neuroendocrine "
                                + "neoplasms.",
                        "The generative model's grade dependence is invented; the CV metrics measure how well the model "
                                + "recovers that invention, not clinical performance.",
                        "Single phase (portal-venous-like), single synthetic 'scanner', no inter-observer contour variation.",
                        "Research use only; not a medical device."),
                true, CREATED), cv, onnx);
        return new Built(onnx, card, cv, m, report(cv, m, card));
    }

    static String report(CrossValidationReport cv, TrainedGradingModel m, ModelCard card) {
        StringBuilder b = new StringBuilder();
        b.append("pnen-radiomics-demo: ").append(cv.caseIds().size()).append(" synthetic cases, ")
                .append(m.cohort().features().size()).append(" candidate features, task G1 vs G2/G3\n");
        for (FoldResult f : cv.folds()) {
            b.append(String.format(Locale.ROOT, "fold %d: train %d, test %d, AUC %.3f, %d features selected%n",
                    f.fold(), f.trainCases(), f.testCases(), f.auc(), f.selectedFeatures().size()));
        }
        card.evaluation().metrics().forEach(x -> b.append(String.format(Locale.ROOT, "%s = %.3f%s%n", x.name(), x.value(),
                x.hasCi() ? String.format(Locale.ROOT, " (95%% CI %.3f-%.3f)", x.ciLower(), x.ciUpper()) : "")));
        b.append("confusion (rows truth G1, G2/G3; columns predicted): ")
                .append(java.util.Arrays.deepToString(cv.pooled().confusion().counts())).append('\n');
        b.append("final model: ").append(m.selectedFeatures().size()).append(" features with non-zero weight: ")
                .append(m.selectedFeatures()).append('\n');
        b.append("class order ").append(card.classLabels()).append(", model sha256 ").append(card.modelSha256()).append('\n');
        return b.toString();
    }

    /** Generates the volumes and computes features (the slow part, about a second per case). */
    public static List<TrainingRow> generateCohort() {
        RadiomicsSettings settings = RadiomicsSettings.parse(SETTINGS_JSON);
        RadiomicsExtractor extractor = new RadiomicsExtractor();
        List<TrainingRow> rows = new ArrayList<>();
        int n = 0;
        for (Grade g : Grade.values()) {
            for (int c = 0; c < CASES_PER_GRADE[g.ordinal()]; c++) {
                String id = String.format(Locale.ROOT, "SYN-%03d", n + 1);
                SyntheticLesion l = SyntheticPnenGenerator.generate(id, g, COHORT_SEED, n);
                FeatureResult f = extractor.extract(l.volume(), l.mask()::get, settings);
                rows.add(new TrainingRow(id, f.values(), g));
                n++;
            }
        }
        return rows;
    }

    /** Feature columns finite in every case and not constant (others cannot be used by the model). */
    static List<String> usableFeatures(List<TrainingRow> rows) {
        List<String> out = new ArrayList<>();
        Map<String, Double> first = new LinkedHashMap<>(rows.get(0).features());
        for (String f : first.keySet()) {
            boolean ok = true, varies = false;
            for (TrainingRow r : rows) {
                Double v = r.features().get(f);
                if (v == null || !Double.isFinite(v)) { ok = false; break; }
                if (!v.equals(first.get(f))) varies = true;
            }
            if (ok && varies) out.add(f);
        }
        return out;
    }
}

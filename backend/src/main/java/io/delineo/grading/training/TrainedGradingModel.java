package io.delineo.grading.training;

import ai.onnx.proto.OnnxMl;
import io.delineo.grading.evaluation.ClassifierEvaluation;
import io.delineo.grading.evaluation.ConfusionMatrix;
import io.delineo.grading.model.EvaluationInfo;
import io.delineo.grading.model.FeatureNormalisation;
import io.delineo.grading.model.GradingTask;
import io.delineo.grading.model.Metric;
import io.delineo.grading.model.ModelCard;
import io.delineo.grading.model.RadiomicsInputSpec;
import io.delineo.grading.model.Sha256;
import io.delineo.grading.model.TrainingDataInfo;
import io.delineo.radiomics.SoftwareVersion;
import io.delineo.stats.ConfidenceInterval;
import org.tribuo.Tribuo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The final model of a training run, ready for export. The ONNX graph (Tribuo's export, Gemm then a probability head) takes
 * z-scored features, so the card says the portal applies the normalisation; its columns follow
 * {@link #featureOrder()} and its outputs {@link #labelOrder()}, and the card is written in exactly those orders.
 */
public final class TrainedGradingModel {
    public static final String ONNX_DOMAIN = "io.delineo.grading";
    public static final String INPUT_NAME = "input";
    public static final String OUTPUT_NAME = "output";

    private final TrainingConfig config;
    private final Cohort cohort;
    private final Standardiser standardiser;
    private final LassoLogistic model;

    TrainedGradingModel(TrainingConfig config, Cohort cohort, Standardiser standardiser, LassoLogistic model) {
        this.config = config;
        this.cohort = cohort;
        this.standardiser = standardiser;
        this.model = model;
        if (!cohort.features().containsAll(model.featureOrder())) {
            throw new IllegalStateException("Tribuo's feature map names columns outside the cohort");
        }
    }

    public List<String> featureOrder() { return model.featureOrder(); }

    public List<String> labelOrder() { return model.labelOrder(); }

    /** Features with a non-zero weight. */
    public List<String> selectedFeatures() { return model.selectedFeatures(); }

    public LassoLogistic tribuo() { return model; }

    public Cohort cohort() { return cohort; }

    /** Z-score of a raw feature map, in {@link #featureOrder()} (what the ONNX graph expects). */
    public float[] standardisedInput(Map<String, Double> raw) {
        List<String> f = featureOrder();
        float[] z = new float[f.size()];
        for (int j = 0; j < z.length; j++) {
            int col = cohort.features().indexOf(f.get(j));
            z[j] = (float) ((raw.get(f.get(j)) - standardiser.means()[col]) / standardiser.sds()[col]);
        }
        return z;
    }

    /** Tribuo's probabilities for a raw feature map, in {@link #labelOrder()}. */
    public double[] tribuoProbabilities(Map<String, Double> raw) {
        double[] row = new double[cohort.features().size()];
        for (int j = 0; j < row.length; j++) row[j] = raw.get(cohort.features().get(j));
        return model.probabilities(standardiser.apply(row), cohort.features(), labelOrder());
    }

    /**
     * The ONNX model bytes: Tribuo's export, with its probability head corrected to match Tribuo's own predictions
     * and its provenance metadata removed (see {@link OnnxProbabilityFix}).
     */
    public byte[] exportOnnx() {
        OnnxMl.ModelProto proto = model.model().exportONNXModel(ONNX_DOMAIN, 1);
        return OnnxProbabilityFix.apply(proto, labelOrder().size());
    }

    /** The card for {@code onnx} (from {@link #exportOnnx()}), with the cross-validation results as evaluation. */
    public ModelCard card(CardDetails d, CrossValidationReport cv, byte[] onnx) {
        List<String> f = featureOrder();
        double[] means = new double[f.size()], sds = new double[f.size()];
        for (int j = 0; j < f.size(); j++) {
            int col = cohort.features().indexOf(f.get(j));
            means[j] = standardiser.means()[col];
            sds[j] = standardiser.sds()[col];
        }
        RadiomicsInputSpec input = new RadiomicsInputSpec(INPUT_NAME, f, d.featureSettings(),
                new FeatureNormalisation(FeatureNormalisation.AppliedBy.PORTAL, means, sds));
        Map<String, Integer> perClass = new LinkedHashMap<>();
        Map<String, Integer> counts = cohort.countsPerLabel();
        for (String l : labelOrder()) perClass.put(l, counts.getOrDefault(l, 0));
        Map<String, String> software = new LinkedHashMap<>();
        software.put("trainer", "Delineo grading trainer; Tribuo " + Tribuo.VERSION + " LibLinearClassificationTrainer(L1R_LR, "
                + String.format(Locale.ROOT, "l1=%s i.e. C=1/(l1*n), maxIterations=%d, tolerance=%s, seed=%d)",
                config.l1(), config.maxIterations(), config.tolerance(), config.seed()));
        software.put("onnxExport", "Tribuo " + Tribuo.VERSION + " exportONNXModel (opset 13); probability head corrected to "
                + "LIBLINEAR's logistic outputs; provenance metadata removed");
        software.put("featureEngine", SoftwareVersion.ENGINE);
        return new ModelCard(d.id(), d.version(), config.task(), labelOrder(), input, OUTPUT_NAME,
                new TrainingDataInfo(d.dataDescription(), d.nature(), perClass), evaluation(cv), d.intendedUse(),
                d.limitations(), d.researchUseOnly(), Sha256.hex(onnx), d.created(), software);
    }

    private EvaluationInfo evaluation(CrossValidationReport cv) {
        String cvText = String.format(Locale.ROOT, "stratified %d-fold cross-validation (fold seed %d), z-score fitted on "
                + "the training folds only, pooled out-of-fold predictions", config.folds(), config.seed());
        String ciText = String.format(Locale.ROOT, "; 95%% CI: stratified percentile bootstrap, %d resamples, seed %d",
                config.bootstrapResamples(), config.seed());
        String protocol = cvText + ". Model: L1-regularised logistic regression (LIBLINEAR L1R_LR, l1=" + config.l1()
                + ") on " + cohort.features().size() + " candidate features; the final model is refit on all "
                + cohort.size() + " cases and keeps " + selectedFeatures().size() + " features with non-zero weight. "
                + "The CI does not include the variability of the feature selection across folds beyond what CV shows.";
        ClassifierEvaluation e = cv.pooled();
        List<Metric> m = new ArrayList<>();
        ConfidenceInterval h = cv.headlineAuc();
        m.add(new Metric(cv.headlineAucName(), h.estimate(), h.lower(), h.upper(), cvText + ciText));
        m.add(Metric.withoutCi("AUC per fold, mean", cv.meanFoldAuc(), String.format(Locale.ROOT, "%d folds, SD %.3f; per fold %s",
                config.folds(), cv.sdFoldAuc(), cv.folds().stream().map(x -> String.format(Locale.ROOT, "%.3f", x.auc()))
                        .collect(Collectors.joining(", ")))));
        if (config.task() == GradingTask.G1_G2_G3) {
            for (int c = 0; c < e.labels().size(); c++) {
                ConfidenceInterval ci = e.oneVsRestAuc().get(c);
                m.add(new Metric("AUC " + e.labels().get(c) + " vs rest", ci.estimate(), ci.lower(), ci.upper(), cvText + ciText));
            }
        }
        ConfusionMatrix cm = e.confusion();
        m.add(Metric.withoutCi("accuracy (arg-max)", cm.accuracy(), cvText));
        if (config.task() == GradingTask.G1_VS_G2G3) {
            m.add(Metric.withoutCi("sensitivity for G2/G3 (arg-max, i.e. p >= 0.5)", cm.sensitivity(1), cvText));
            m.add(Metric.withoutCi("specificity for G2/G3 (arg-max)", cm.specificity(1), cvText));
            m.add(Metric.withoutCi("Brier score (G2/G3 probability)", e.calibration().get(1).brier(), cvText));
        } else {
            m.add(Metric.withoutCi("Brier score (multi-class, 0..2)", e.multiclassBrier(), cvText));
        }
        return new EvaluationInfo(protocol, m);
    }
}

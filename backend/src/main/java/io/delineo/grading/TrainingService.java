package io.delineo.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.agreement.Consensus;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.grading.evaluation.ClassifierEvaluation;
import io.delineo.grading.inference.GradingPrediction;
import io.delineo.grading.model.DataNature;
import io.delineo.grading.model.Grade;
import io.delineo.grading.model.GradingTask;
import io.delineo.grading.model.ModelCard;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.grading.training.CardDetails;
import io.delineo.grading.training.CrossValidationReport;
import io.delineo.grading.training.GradingTrainer;
import io.delineo.grading.training.TrainedGradingModel;
import io.delineo.grading.training.TrainingConfig;
import io.delineo.grading.training.TrainingException;
import io.delineo.grading.training.TrainingRow;
import io.delineo.radiomics.jobs.FeatureJob;
import io.delineo.radiomics.jobs.FeatureSet;
import io.delineo.radiomics.jobs.RobustFeatureSelection;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.study.CasePathology;
import io.delineo.study.ReaderStudy;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PI's research loop: train a grade model on the study's cases that have a pathology grade, from the features of
 * their approved consensus ROIs, with cross-validation; register it with a generated card. And evaluate any registered
 * model on a study's labelled cases.
 */
@ApplicationScoped
public class TrainingService {
    @Inject
    StudyAccess access;
    @Inject
    ModelStore models;
    @Inject
    GradingService grading;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    public record TrainingInput(String modelId, String version, String task, String settingsHash, Boolean robustOnly,
                                Double l1, Integer folds, Long seed) {
    }

    public record TrainingResult(String modelId, String version, String task, int cases, Map<String, Integer> perClass,
                                 List<String> features, List<String> selectedFeatures, double cvAuc, double cvAucLow,
                                 double cvAucHigh, String cvAucName, List<Map<String, Object>> folds, Object card) {
    }

    public record EvaluationResult(String modelId, String version, long studyId, int cases, List<String> labels,
                                   ClassifierEvaluation evaluation, List<Map<String, Object>> predictions) {
    }

    @Transactional
    public TrainingResult train(long studyId, TrainingInput in) {
        ReaderStudy s = access.study(studyId);
        if (in == null || in.modelId() == null || !in.modelId().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw Refusal.invalid("modelId is required: lower-case letters, digits and dashes");
        }
        if (in.version() == null || !in.version().matches("[0-9A-Za-z.+-]{1,32}")) {
            throw Refusal.invalid("version is required, e.g. 1.0.0");
        }
        GradingTask task = "G1/G2/G3".equals(in.task()) ? GradingTask.G1_G2_G3 : GradingTask.G1_VS_G2G3;
        String hash = in.settingsHash() != null && !in.settingsHash().isBlank() ? in.settingsHash()
                : FeatureJob.ofStudy(s).stream().map(j -> j.settingsHash).findFirst().orElseThrow(
                        () -> Refusal.conflict("run a feature job first: training uses the consensus features"));
        FeatureJob job = FeatureJob.<FeatureJob>find("study = ?1 and settingsHash = ?2", s, hash).firstResult();
        if (job == null) throw Refusal.invalid("no feature job of this study used settings " + hash);
        List<TrainingRow> rows = rows(s, hash);
        TrainingConfig cfg = TrainingConfig.defaults(task);
        if (Boolean.TRUE.equals(in.robustOnly())) {
            RobustFeatureSelection sel = RobustFeatureSelection.find("studyId = ?1 and settingsHash = ?2", s.id, hash)
                    .firstResult();
            if (sel == null || sel.features.length == 0) {
                throw Refusal.conflict("no robust features are marked for these settings; mark them first");
            }
            cfg = cfg.withFeatures(List.of(sel.features));
        }
        if (in.l1() != null) cfg = cfg.withL1(in.l1());
        if (in.folds() != null) cfg = cfg.withFolds(in.folds());
        if (in.seed() != null) cfg = cfg.withSeed(in.seed());
        CrossValidationReport cv;
        TrainedGradingModel model;
        try {
            cv = GradingTrainer.crossValidate(rows, cfg);
            model = GradingTrainer.trainFinal(rows, cfg);
        } catch (TrainingException e) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "training refused: " + e.getMessage());
        }
        byte[] onnx = model.exportOnnx();
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (TrainingRow r : rows) perClass.merge(task.labelFor(r.grade()), 1, Integer::sum);
        ModelCard card = model.card(new CardDetails(in.modelId(), in.version(), RadiomicsSettings.parse(job.settings),
                "Reader study \"" + s.name + "\": " + rows.size() + " cases with a pathology grade " + perClass
                        + ", features of the approved consensus ROIs (settings " + hash.substring(0, 12) + "…)",
                DataNature.CLINICAL, "Research: grading pNEN from imaging within the reader study it was trained on.",
                List.of("Trained on " + rows.size() + " cases of one study; performance outside it is unknown.",
                        "Cross-validated, not externally validated."), true, Instant.now()), cv, onnx);
        String cardJson = ModelCardJson.write(card);
        RegisteredModel registered;
        try {
            registered = models.store(onnx, cardJson, "TRAINED");
        } catch (io.delineo.grading.model.ModelRejectedException e) {
            throw Refusal.conflict(e.getMessage());
        }
        List<Map<String, Object>> folds = new ArrayList<>();
        cv.folds().forEach(f -> folds.add(Map.of("fold", f.fold(), "trainCases", f.trainCases(), "testCases",
                f.testCases(), "auc", f.auc(), "selectedFeatures", f.selectedFeatures())));
        var headline = cv.headlineAuc();
        audit.success(AuditAction.MODEL_TRAIN, registered.key(), Map.of("study", s.id, "cases", rows.size(),
                "cvAuc", headline.estimate(), "settingsHash", hash));
        return new TrainingResult(in.modelId(), in.version(), task.json(), rows.size(), perClass, model.featureOrder(),
                model.selectedFeatures(), headline.estimate(), headline.lower(), headline.upper(), cv.headlineAucName(),
                folds, parse(cardJson));
    }

    /** Evaluates a model on the study's cases that have a pathology grade and an approved consensus. */
    @Transactional
    public EvaluationResult evaluate(String modelId, String version, long studyId) {
        ReaderStudy s = access.study(studyId);
        RegisteredModel model = grading.model(modelId, version);
        List<String> labels = model.card().classLabels();
        List<double[]> probs = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StudyCase c : StudyCase.ofStudy(s)) {
            CasePathology p = CasePathology.findById(c.id);
            if (p == null || p.whoGrade == null || Consensus.approvedOf(c).isEmpty()) continue;
            GradingPrediction pred = grading.evaluate(c, model);
            String truthLabel = model.card().task().labelFor(Grade.parse(p.whoGrade));
            double[] row = new double[labels.size()];
            for (int i = 0; i < labels.size(); i++) row[i] = pred.probability(labels.get(i));
            probs.add(row);
            truth.add(labels.indexOf(truthLabel));
            rows.add(Map.of("caseId", c.id, "case", c.label, "truth", truthLabel, "predicted", pred.predictedLabel(),
                    "probabilities", pred.probabilities()));
        }
        if (probs.isEmpty()) {
            throw Refusal.conflict("no case of this study has both a pathology grade and an approved consensus");
        }
        ClassifierEvaluation evaluation;
        try {
            evaluation = ClassifierEvaluation.evaluate(probs.toArray(double[][]::new),
                    truth.stream().mapToInt(Integer::intValue).toArray(), labels, 2000, 42, 5);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "the labelled cases cannot be evaluated: " + e.getMessage());
        }
        audit.success(AuditAction.MODEL_EVALUATE, model.key(), Map.of("study", s.id, "cases", probs.size()));
        return new EvaluationResult(modelId, version, s.id, probs.size(), labels, evaluation, rows);
    }

    /** One row per case with a grade: the features of its approved consensus under the given settings. */
    private List<TrainingRow> rows(ReaderStudy s, String hash) {
        List<TrainingRow> rows = new ArrayList<>();
        for (StudyCase c : StudyCase.ofStudy(s)) {
            CasePathology p = CasePathology.findById(c.id);
            Consensus approved = Consensus.approvedOf(c).orElse(null);
            if (p == null || p.whoGrade == null || approved == null) continue;
            FeatureSet f = FeatureSet.<FeatureSet>find("studyCase = ?1 and roiSource = 'consensus' and roiVersion = ?2 "
                    + "and settingsHash = ?3 order by lesionLabel, id", c, approved.version, hash).firstResult();
            if (f == null) continue;
            Map<String, Double> values = parse(f.featureValues, new TypeReference<LinkedHashMap<String, Double>>() { });
            rows.add(new TrainingRow(String.valueOf(c.id), values, Grade.parse(p.whoGrade)));
        }
        return rows;
    }

    private Object parse(String s) {
        return parse(s, new TypeReference<Object>() { });
    }

    private <T> T parse(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

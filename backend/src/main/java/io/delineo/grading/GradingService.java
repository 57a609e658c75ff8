package io.delineo.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.agreement.Consensus;
import io.delineo.agreement.ConsensusService;
import io.delineo.archive.volume.VolumeService;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.CaseMasks;
import io.delineo.contour.LesionMasks;
import io.delineo.domain.Refusal;
import io.delineo.grading.inference.GradingPrediction;
import io.delineo.grading.inference.GradingPredictor;
import io.delineo.grading.inference.InferenceException;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.grading.model.RoiImageInputSpec;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.Volume;
import io.delineo.security.CurrentUser;
import io.delineo.security.Roles;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictions on a case's approved consensus ROI with a registered model: inputs assembled by the portal (features
 * from the radiomics engine, or the image crop), run with ONNX Runtime, stored with full provenance and audited.
 */
@ApplicationScoped
public class GradingService {
    @Inject
    ModelStore models;
    @Inject
    CaseMasks caseMasks;
    @Inject
    ConsensusService consensus;
    @Inject
    VolumeService volumes;
    @Inject
    AuditTrail audit;
    @Inject
    BoardReleases boardReleases;
    @Inject
    CurrentUser currentUser;
    @Inject
    ObjectMapper json;

    /** A stored prediction as the PI and the board see it. */
    public record PredictionView(long id, String modelId, String modelVersion, String task,
                                 Map<String, Double> probabilities, String predictedGrade, String modelSha256,
                                 String inputHash, int consensusVersion, String createdBy,
                                 java.time.OffsetDateTime createdAt, boolean researchUseOnly) {
    }

    /** What a model needs of a case: the consensus lesion mask and the volumes it lies on. */
    record CaseInput(int consensusVersion, String label, BitMask mask, Map<String, Volume> phases, Volume maskVolume) {
    }

    @Transactional
    public PredictionView predict(long caseId, String modelId, String version, String lesionLabel) {
        StudyCase c = StudyCase.findById(caseId);
        if (c == null) throw Refusal.notFound("no case " + caseId);
        RegisteredModel model = model(modelId, version);
        CaseInput in = caseInput(c, lesionLabel, model);
        GradingPrediction p = run(model, in);
        Prediction row = new Prediction();
        row.caseId = c.id;
        row.model = GradeModel.of(modelId, version).orElseThrow();
        row.modelSha256 = p.modelSha256();
        row.inputHash = p.inputSha256();
        row.consensusVersion = in.consensusVersion();
        row.probabilities = toJson(p.probabilities());
        row.predictedGrade = p.predictedLabel();
        row.latencyMs = (p.assemblyNanos() + p.inferenceNanos()) / 1e6;
        row.createdBy = currentUser.name();
        row.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model.key());
        details.put("modelSha256", p.modelSha256());
        details.put("inputSha256", p.inputSha256());
        details.put("consensusVersion", in.consensusVersion());
        details.put("predicted", p.predictedLabel());
        audit.success(AuditAction.PREDICTION_CREATE, c.id, details);
        return view(row);
    }

    @Transactional
    public List<PredictionView> list(long caseId) {
        StudyCase c = StudyCase.findById(caseId);
        CurrentUser.Snapshot user = currentUser.get();
        boolean board = user.has(Roles.BOARD) && !user.has(Roles.PI);
        if (c == null || (board && !boardReleases.releasedToBoard(caseId))) {
            audit.recordSeparately(AuditAction.PREDICTION_READ, "case", caseId, io.delineo.audit.AuditOutcome.DENIED,
                    Map.of("reason", c == null ? "no such case" : "case not released to the board"));
            throw Refusal.forbidden("case " + caseId + " is not available to you");
        }
        List<PredictionView> out = Prediction.ofCase(c.id).stream().map(this::view).toList();
        audit.success(AuditAction.PREDICTION_READ, c.id, Map.of("predictions", out.size()));
        return out;
    }

    /** Probabilities for a case without storing them (model evaluation on a labelled set). */
    GradingPrediction evaluate(StudyCase c, RegisteredModel model) {
        return run(model, caseInput(c, null, model));
    }

    RegisteredModel model(String modelId, String version) {
        if (modelId == null || version == null) throw Refusal.invalid("modelId and modelVersion are required");
        return models.registry().find(modelId, version).orElseThrow(
                () -> Refusal.notFound("no model " + modelId + " " + version + " is registered"));
    }

    private GradingPrediction run(RegisteredModel model, CaseInput in) {
        try {
            if (model.card().input() instanceof RoiImageInputSpec) {
                return predictor().predictRoiImage(model, in.phases(), in.mask());
            }
            return predictor().predictRadiomics(model, in.maskVolume(), in.mask());
        } catch (InferenceException e) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "the model could not be run on this case: " + e.getMessage());
        }
    }

    private CaseInput caseInput(StudyCase c, String lesionLabel, RegisteredModel model) {
        Consensus approved = Consensus.approvedOf(c).orElseThrow(() -> Refusal.conflict(
                "case " + c.id + " has no approved consensus ROI; predictions are made on the approved consensus"));
        Map<LesionMasks.Group, BitMask> masks = caseMasks.masks(consensus.content(approved), c);
        String label = lesionLabel != null && !lesionLabel.isBlank() ? lesionLabel
                : List.of(c.study.lesionLabels).stream().filter(l -> masks.keySet().stream()
                .anyMatch(g -> g.label().equals(l))).findFirst().orElse(null);
        List<Map.Entry<LesionMasks.Group, BitMask>> matching = masks.entrySet().stream()
                .filter(e -> e.getKey().label().equals(label)).toList();
        if (matching.isEmpty()) {
            throw Refusal.conflict("the approved consensus of case " + c.id + " has no lesion"
                    + (label == null ? "" : " labelled '" + label + "'"));
        }
        Map.Entry<LesionMasks.Group, BitMask> lesion = matching.get(0);
        Map<String, Volume> phases = new LinkedHashMap<>();
        if (model.card().input() instanceof RoiImageInputSpec spec) {
            for (String phase : spec.phases()) {
                String series = c.seriesByPhase.get(phase);
                if (series == null) {
                    throw Refusal.conflict("model " + model.key() + " needs the " + phase + " phase, which case "
                            + c.id + " does not have");
                }
                phases.put(phase, volumes.load(series).volume());
            }
        }
        Volume maskVolume = volumes.load(lesion.getKey().seriesInstanceUid()).volume();
        return new CaseInput(approved.version, label, lesion.getValue(), phases, maskVolume);
    }

    private GradingPredictor predictor() {
        return new GradingPredictor(models.registry());
    }

    public PredictionView view(Prediction p) {
        try {
            Map<String, Double> probabilities = json.readValue(p.probabilities,
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Double>>() { });
            var card = json.readTree(p.model.card);
            return new PredictionView(p.id, p.model.modelId, p.model.version, card.path("task").asText(""),
                    probabilities, p.predictedGrade, p.modelSha256, p.inputHash, p.consensusVersion, p.createdBy,
                    p.createdAt, card.path("researchUseOnly").asBoolean(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

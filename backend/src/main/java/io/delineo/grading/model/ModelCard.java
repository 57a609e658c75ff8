package io.delineo.grading.model;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract between a grading model file and the portal (JSON form: {@link ModelCardJson}, documented in
 * {@code onnx-models/README.md}). {@code classLabels} are in the order of the model's probability output;
 * {@code modelSha256} is the lower-case hex SHA-256 of the exact {@code model.onnx} bytes.
 */
public record ModelCard(String id, String version, GradingTask task, List<String> classLabels, InputSpec input,
                        String outputTensorName, TrainingDataInfo trainingData, EvaluationInfo evaluation,
                        String intendedUse, List<String> limitations, boolean researchUseOnly, String modelSha256,
                        Instant created, Map<String, String> software) {
    public static final String SCHEMA = "delineo-model-card/1";

    public ModelCard {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new ModelCardException("\"id\" must be 1-64 characters of a-z, 0-9, '.', '_' or '-' (it names the "
                    + "model folder), got \"" + id + '"');
        }
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}")) {
            throw new ModelCardException("\"version\" must be a version string like 1.0.0, got \"" + version + '"');
        }
        if (task == null) throw new ModelCardException("\"task\" is required");
        if (classLabels == null || classLabels.isEmpty()) throw new ModelCardException("\"classLabels\" is required");
        Set<String> labels = new HashSet<>(classLabels);
        if (labels.size() != classLabels.size() || !labels.equals(new HashSet<>(task.labels()))) {
            throw new ModelCardException("\"classLabels\" " + classLabels + " must be the labels of task \"" + task.json()
                    + "\", " + task.labels() + ", each once, in the model's output order");
        }
        if (input == null) throw new ModelCardException("\"input\" is required");
        if (outputTensorName == null || outputTensorName.isBlank()) {
            throw new ModelCardException("\"output.tensorName\" is required");
        }
        if (trainingData == null) throw new ModelCardException("\"trainingData\" is required");
        for (String label : trainingData.casesPerClass().keySet()) {
            if (!labels.contains(label)) {
                throw new ModelCardException("\"trainingData.casesPerClass\" names \"" + label
                        + "\", which is not one of the class labels " + classLabels);
            }
        }
        if (evaluation == null) throw new ModelCardException("\"evaluation\" is required");
        if (intendedUse == null || intendedUse.isBlank()) throw new ModelCardException("\"intendedUse\" is required");
        if (limitations == null || limitations.isEmpty()) {
            throw new ModelCardException("\"limitations\" must list at least one limitation");
        }
        if (modelSha256 == null || !modelSha256.matches("[0-9a-f]{64}")) {
            throw new ModelCardException("\"modelSha256\" must be 64 lower-case hex digits, got \"" + modelSha256 + '"');
        }
        if (created == null) throw new ModelCardException("\"created\" is required (ISO-8601 instant)");
        if (software == null || software.isEmpty()) throw new ModelCardException("\"software\" is required");
        classLabels = List.copyOf(classLabels);
        limitations = List.copyOf(limitations);
        software = Collections.unmodifiableMap(new LinkedHashMap<>(software));
    }

    /** Registry key: models are immutable per id and version. */
    public String key() { return id + "@" + version; }

    /** The same card for other model bytes (used when the card is generated before the hash is known). */
    public ModelCard withModelSha256(String sha256) {
        return new ModelCard(id, version, task, classLabels, input, outputTensorName, trainingData, evaluation,
                intendedUse, limitations, researchUseOnly, sha256, created, software);
    }
}

package io.delineo.grading.model;

import io.delineo.grading.inference.InferenceException;
import io.delineo.grading.inference.InvalidModelException;
import io.delineo.grading.inference.ModelSignature;
import io.delineo.grading.inference.OnnxRuntimeEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The grading models the portal may run. A model is a folder {@code <id>/} with {@code model.onnx} and
 * {@code model-card.json}; it is accepted only when the card parses, the file hash equals the card's
 * {@code modelSha256}, ONNX Runtime opens it, its input/output match the card, and a probe run on a neutral input
 * (all zeros) returns one probability per class label summing to 1. Models are immutable: the same id and version
 * with other bytes is refused. Thread-safe.
 */
public final class ModelRegistry {
    public static final String MODEL_FILE = "model.onnx";
    public static final String CARD_FILE = "model-card.json";
    /** Largest model accepted (bounds memory; the demo models are a few kB). */
    public static final int MAX_MODEL_BYTES = 256 << 20;
    private static final double PROBABILITY_SUM_TOLERANCE = 1e-4;

    private final OnnxRuntimeEngine engine;
    private final Map<String, RegisteredModel> models = new ConcurrentHashMap<>();

    public ModelRegistry(OnnxRuntimeEngine engine) {
        if (engine == null) throw new IllegalArgumentException("engine is required");
        this.engine = engine;
    }

    public OnnxRuntimeEngine engine() { return engine; }

    /** A folder that could not be registered, and why. */
    public record LoadFailure(Path folder, String reason) { }

    /** Result of {@link #loadAll}: what was registered and what was refused (the rest still loads). */
    public record LoadReport(List<RegisteredModel> loaded, List<LoadFailure> refused) { }

    /** Registers every sub-folder of {@code root} that holds a {@code model-card.json}. */
    public LoadReport loadAll(Path root) {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("model folder " + root + " does not exist");
        List<RegisteredModel> ok = new ArrayList<>();
        List<LoadFailure> refused = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve(CARD_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list model folder " + root + ": " + e.getMessage(), e);
        }
        for (Path d : dirs) {
            try {
                ok.add(registerFolder(d));
            } catch (ModelRejectedException | IllegalArgumentException e) {
                refused.add(new LoadFailure(d, e.getMessage()));
            }
        }
        return new LoadReport(ok, refused);
    }

    /** Registers {@code dir/model.onnx} with {@code dir/model-card.json}; the folder name must be the card's id. */
    public RegisteredModel registerFolder(Path dir) {
        Path onnx = dir.resolve(MODEL_FILE), card = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(onnx)) throw new ModelRejectedException(dir.toString(), List.of("no " + MODEL_FILE));
        if (!Files.isRegularFile(card)) throw new ModelRejectedException(dir.toString(), List.of("no " + CARD_FILE));
        byte[] bytes;
        String json;
        try {
            if (Files.size(onnx) > MAX_MODEL_BYTES) {
                throw new ModelRejectedException(dir.toString(), List.of(MODEL_FILE + " is larger than " + MAX_MODEL_BYTES + " bytes"));
            }
            bytes = Files.readAllBytes(onnx);
            json = Files.readString(card, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelRejectedException(dir.toString(), List.of("cannot read the files: " + e.getMessage()));
        }
        UploadValidation v = validateUpload(bytes, json);
        List<String> problems = new ArrayList<>(v.problems());
        String folder = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (v.card() != null && !v.card().id().equals(folder)) {
            problems.add("folder \"" + folder + "\" does not match the card id \"" + v.card().id() + '"');
        }
        if (!problems.isEmpty()) throw new ModelRejectedException(dir.toString(), problems);
        return add(v, bytes);
    }

    /** Registers an uploaded model (after the integrator stored it); refuses with every problem found. */
    public RegisteredModel register(byte[] onnx, String cardJson) {
        return add(validateUpload(onnx, cardJson).requireAccepted(), onnx);
    }

    private synchronized RegisteredModel add(UploadValidation v, byte[] bytes) {
        ModelCard card = v.card();
        RegisteredModel existing = models.get(card.key());
        if (existing != null) {
            if (existing.sha256().equals(card.modelSha256())) return existing;
            throw new ModelRejectedException(card.key(), List.of(immutabilityProblem(existing, card.modelSha256())));
        }
        engine.load(card.modelSha256(), bytes);
        RegisteredModel m = new RegisteredModel(card, v.signature());
        models.put(card.key(), m);
        return m;
    }

    /**
     * Checks an upload completely without registering it: card, hash, ONNX loadability, signature against the card,
     * a probe run, and immutability against what is registered. Never throws for bad input; read
     * {@link UploadValidation#problems()}.
     */
    public UploadValidation validateUpload(byte[] onnx, String cardJson) {
        List<String> problems = new ArrayList<>();
        if (onnx == null || onnx.length == 0) {
            problems.add("the model file is empty");
            return new UploadValidation(false, null, null, null, problems);
        }
        if (onnx.length > MAX_MODEL_BYTES) problems.add("the model file is larger than " + MAX_MODEL_BYTES + " bytes");
        String sha = Sha256.hex(onnx);
        ModelCard card = null;
        try {
            card = ModelCardJson.parse(cardJson);
        } catch (ModelCardException e) {
            problems.add("model card: " + e.getMessage());
        }
        ModelSignature sig = null;
        if (onnx.length <= MAX_MODEL_BYTES) {
            try {
                sig = engine.inspect(onnx);
            } catch (InvalidModelException e) {
                problems.add(e.getMessage());
            }
        }
        if (card != null) {
            if (!card.modelSha256().equals(sha)) {
                problems.add("sha256 mismatch: the card says " + card.modelSha256() + " but model.onnx hashes to " + sha);
            }
            RegisteredModel existing = models.get(card.key());
            if (existing != null && !existing.sha256().equals(sha)) problems.add(immutabilityProblem(existing, sha));
            if (sig != null) {
                List<String> sigProblems = CardSignatureCheck.problems(card, sig);
                problems.addAll(sigProblems);
                if (sigProblems.isEmpty()) probe(card, onnx, problems);
            }
        }
        return new UploadValidation(problems.isEmpty(), card, sha, sig, problems);
    }

    /** The output on an all-zero input must be a probability distribution over the card's labels. */
    private void probe(ModelCard card, byte[] onnx, List<String> problems) {
        long[] shape = card.input().tensorShape();
        long n = 1;
        for (long d : shape) n *= d;
        float[] out;
        try {
            out = engine.runOnce(onnx, card.input().tensorName(), new float[(int) n], shape, card.outputTensorName());
        } catch (InferenceException | InvalidModelException e) {
            problems.add("probe run failed: " + e.getMessage());
            return;
        }
        if (out.length != card.classLabels().size()) {
            problems.add("probe run gave " + out.length + " outputs for " + card.classLabels().size() + " class labels");
            return;
        }
        double sum = 0;
        for (float f : out) {
            if (!(f >= 0 && f <= 1)) {
                problems.add("output \"" + card.outputTensorName() + "\" is not a probability (got " + f
                        + " on a probe input); the graph must end in a softmax");
                return;
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
            problems.add("output \"" + card.outputTensorName() + "\" sums to " + sum + " on a probe input, not 1: "
                    + "it is not a probability distribution over the class labels");
        }
    }

    private static String immutabilityProblem(RegisteredModel existing, String sha) {
        return existing.key() + " is already registered with other bytes (sha256 " + existing.sha256() + ", new "
                + sha + "); registered models are immutable: give the new model a new version";
    }

    public Optional<RegisteredModel> find(String id, String version) {
        return Optional.ofNullable(models.get(id + "@" + version));
    }

    /** The model of this id and version, or an exception naming what is registered. */
    public RegisteredModel require(String id, String version) {
        return find(id, version).orElseThrow(() -> new IllegalArgumentException("no grading model " + id + "@" + version
                + " is registered; registered: " + models.keySet().stream().sorted().toList()));
    }

    /** All registered models, sorted by id then version. */
    public List<RegisteredModel> models() {
        return models.values().stream().sorted(Comparator.comparing(RegisteredModel::key)).toList();
    }
}

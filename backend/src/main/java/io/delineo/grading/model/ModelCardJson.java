package io.delineo.grading.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.radiomics.settings.SettingsException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code model-card.json}. Parsing names the offending field in every message and rejects unknown
 * keys (a typo must not silently drop, e.g., the normalisation). The radiomics settings are embedded as JSON and their
 * SHA-256 stated beside them; the two must agree.
 */
public final class ModelCardJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("schema", "id", "version", "task", "classLabels", "input", "output",
            "trainingData", "evaluation", "intendedUse", "limitations", "researchUseOnly", "modelSha256", "created",
            "software");
    private static final Set<String> RADIOMICS = Set.of("kind", "tensorName", "features", "featureSettings",
            "featureSettingsSha256", "normalisation");
    private static final Set<String> ROI_IMAGE = Set.of("kind", "tensorName", "phases", "cropVoxels", "spacingMm",
            "cropMm", "centring", "axes", "interpolation", "huWindow", "outsideHu", "normalisation", "layout",
            "maskChannel");
    private static final String AXES = "patient-LPS: W=+x (left), H=+y (posterior), D=+z (superior)";

    private ModelCardJson() { }

    public static ModelCard parse(String json) {
        if (json == null || json.isBlank()) throw new ModelCardException("model card is empty");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelCardException("model card is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new ModelCardException("model card must be a JSON object");
        keys("model card", root, TOP);
        if (root.has("schema") && !ModelCard.SCHEMA.equals(root.get("schema").asText())) {
            throw new ModelCardException("unsupported \"schema\" \"" + root.get("schema").asText() + "\"; this portal reads "
                    + ModelCard.SCHEMA);
        }
        GradingTask task = GradingTask.parse(text(root, "task"));
        JsonNode output = object(root, "output");
        keys("output", output, Set.of("tensorName", "kind"));
        if (!"probabilities".equals(text(output, "output.kind"))) {
            throw new ModelCardException("\"output.kind\" must be \"probabilities\" (softmax over the class labels)");
        }
        Instant created;
        try {
            created = Instant.parse(text(root, "created"));
        } catch (DateTimeParseException e) {
            throw new ModelCardException("\"created\" must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
        }
        if (!root.has("researchUseOnly") || !root.get("researchUseOnly").isBoolean()) {
            throw new ModelCardException("\"researchUseOnly\" is required (true or false)");
        }
        return new ModelCard(text(root, "id"), text(root, "version"), task, strings(root, "classLabels"),
                input(object(root, "input")), text(output, "output.tensorName"), trainingData(object(root, "trainingData")),
                evaluation(object(root, "evaluation")), text(root, "intendedUse"), strings(root, "limitations"),
                root.get("researchUseOnly").asBoolean(), text(root, "modelSha256"), created, software(object(root, "software")));
    }

    private static InputSpec input(JsonNode in) {
        String kind = text(in, "input.kind");
        switch (kind) {
            case "radiomics" -> {
                keys("input", in, RADIOMICS);
                JsonNode settingsNode = object(in, "input.featureSettings");
                RadiomicsSettings settings;
                try {
                    settings = RadiomicsSettings.parse(settingsNode.toString());
                } catch (SettingsException e) {
                    throw new ModelCardException("\"input.featureSettings\": " + e.getMessage(), e);
                }
                String stated = text(in, "input.featureSettingsSha256");
                if (!stated.equals(settings.sha256())) {
                    throw new ModelCardException("\"input.featureSettingsSha256\" is " + stated
                            + " but the embedded settings hash to " + settings.sha256());
                }
                JsonNode norm = object(in, "input.normalisation");
                keys("input.normalisation", norm, Set.of("method", "appliedBy", "means", "sds"));
                if (!"z-score".equals(text(norm, "input.normalisation.method"))) {
                    throw new ModelCardException("\"input.normalisation.method\" must be \"z-score\" for radiomics input");
                }
                FeatureNormalisation fn = new FeatureNormalisation(
                        FeatureNormalisation.AppliedBy.parse(text(norm, "input.normalisation.appliedBy")),
                        numbers(norm, "input.normalisation.means"), numbers(norm, "input.normalisation.sds"));
                return new RadiomicsInputSpec(text(in, "input.tensorName"), strings(in, "input.features"), settings, fn);
            }
            case "roi-image" -> {
                keys("input", in, ROI_IMAGE);
                if (in.has("interpolation") && !RoiImageInputSpec.INTERPOLATION.equals(in.get("interpolation").asText())) {
                    throw new ModelCardException("\"input.interpolation\" must be \"trilinear\" (the only one implemented)");
                }
                if (in.has("layout") && !RoiImageInputSpec.LAYOUT.equals(in.get("layout").asText())) {
                    throw new ModelCardException("\"input.layout\" must be \"NCDHW\"");
                }
                double[] crop = numbers(in, "input.cropVoxels");
                double[] window = numbers(in, "input.huWindow");
                if (window.length != 2) throw new ModelCardException("\"input.huWindow\" must be [low, high]");
                int[] cropVoxels = new int[crop.length];
                for (int i = 0; i < crop.length; i++) {
                    if (crop[i] != Math.rint(crop[i])) throw new ModelCardException("\"input.cropVoxels\" must be integers");
                    cropVoxels[i] = (int) crop[i];
                }
                double spacing = number(in, "input.spacingMm");
                if (in.has("cropMm")) {
                    double[] mm = numbers(in, "input.cropMm");
                    for (int i = 0; i < mm.length && i < crop.length; i++) {
                        if (mm.length != 3 || Math.abs(mm[i] - crop[i] * spacing) > 1e-6) {
                            throw new ModelCardException("\"input.cropMm\" must equal cropVoxels x spacingMm");
                        }
                    }
                }
                JsonNode norm = object(in, "input.normalisation");
                keys("input.normalisation", norm, Set.of("method", "mean", "sd"));
                ImageNormalisation.Method m = ImageNormalisation.Method.parse(text(norm, "input.normalisation.method"));
                ImageNormalisation n = m == ImageNormalisation.Method.Z_SCORE
                        ? new ImageNormalisation(m, number(norm, "input.normalisation.mean"), number(norm, "input.normalisation.sd"))
                        : ImageNormalisation.windowToUnit();
                if (!in.has("maskChannel") || !in.get("maskChannel").isBoolean()) {
                    throw new ModelCardException("\"input.maskChannel\" is required (true or false)");
                }
                return new RoiImageInputSpec(text(in, "input.tensorName"), strings(in, "input.phases"), cropVoxels, spacing,
                        CropCentring.parse(text(in, "input.centring")), window[0], window[1],
                        number(in, "input.outsideHu"), n, in.get("maskChannel").asBoolean());
            }
            default -> throw new ModelCardException("\"input.kind\" must be \"radiomics\" or \"roi-image\", got \"" + kind + '"');
        }
    }

    private static TrainingDataInfo trainingData(JsonNode t) {
        keys("trainingData", t, Set.of("description", "nature", "casesPerClass"));
        JsonNode counts = object(t, "trainingData.casesPerClass");
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                throw new ModelCardException("\"trainingData.casesPerClass." + e.getKey() + "\" must be a whole number");
            }
            perClass.put(e.getKey(), e.getValue().asInt());
        }
        return new TrainingDataInfo(text(t, "trainingData.description"),
                DataNature.parse(text(t, "trainingData.nature")), perClass);
    }

    private static EvaluationInfo evaluation(JsonNode e) {
        keys("evaluation", e, Set.of("protocol", "metrics"));
        JsonNode arr = e.get("metrics");
        if (arr == null || !arr.isArray()) throw new ModelCardException("\"evaluation.metrics\" must be an array");
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : arr) {
            if (!m.isObject()) throw new ModelCardException("\"evaluation.metrics\" entries must be objects");
            keys("evaluation.metrics[]", m, Set.of("name", "value", "ci95", "method"));
            double lo = Double.NaN, hi = Double.NaN;
            if (m.has("ci95")) {
                double[] ci = numbers(m, "evaluation.metrics[].ci95");
                if (ci.length != 2) throw new ModelCardException("\"ci95\" must be [lower, upper]");
                lo = ci[0];
                hi = ci[1];
            }
            metrics.add(new Metric(text(m, "evaluation.metrics[].name"), number(m, "evaluation.metrics[].value"), lo, hi,
                    text(m, "evaluation.metrics[].method")));
        }
        return new EvaluationInfo(text(e, "evaluation.protocol"), metrics);
    }

    private static Map<String, String> software(JsonNode s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) throw new ModelCardException("\"software." + e.getKey() + "\" must be a string");
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Pretty-printed JSON with a stable key order. */
    public static String write(ModelCard c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", ModelCard.SCHEMA);
        root.put("id", c.id());
        root.put("version", c.version());
        root.put("task", c.task().json());
        c.classLabels().forEach(root.putArray("classLabels")::add);
        root.set("input", writeInput(c.input()));
        ObjectNode out = root.putObject("output");
        out.put("tensorName", c.outputTensorName());
        out.put("kind", "probabilities");
        ObjectNode td = root.putObject("trainingData");
        td.put("description", c.trainingData().description());
        td.put("nature", c.trainingData().nature().json());
        ObjectNode counts = td.putObject("casesPerClass");
        c.trainingData().casesPerClass().forEach(counts::put);
        ObjectNode ev = root.putObject("evaluation");
        ev.put("protocol", c.evaluation().protocol());
        ArrayNode metrics = ev.putArray("metrics");
        for (Metric m : c.evaluation().metrics()) {
            ObjectNode mn = metrics.addObject();
            mn.put("name", m.name());
            mn.put("value", m.value());
            if (m.hasCi()) {
                ArrayNode ci = mn.putArray("ci95");
                ci.add(m.ciLower());
                ci.add(m.ciUpper());
            }
            mn.put("method", m.method());
        }
        root.put("intendedUse", c.intendedUse());
        c.limitations().forEach(root.putArray("limitations")::add);
        root.put("researchUseOnly", c.researchUseOnly());
        root.put("modelSha256", c.modelSha256());
        root.put("created", c.created().toString());
        ObjectNode sw = root.putObject("software");
        c.software().forEach(sw::put);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a model card", e);
        }
    }

    private static ObjectNode writeInput(InputSpec spec) {
        ObjectNode in = JSON.createObjectNode();
        in.put("kind", spec.kind());
        in.put("tensorName", spec.tensorName());
        if (spec instanceof RadiomicsInputSpec r) {
            r.features().forEach(in.putArray("features")::add);
            try {
                in.set("featureSettings", JSON.readTree(r.settings().canonicalJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("canonical settings JSON does not parse", e);
            }
            in.put("featureSettingsSha256", r.settingsSha256());
            ObjectNode n = in.putObject("normalisation");
            n.put("method", "z-score");
            n.put("appliedBy", r.normalisation().appliedBy().json());
            ArrayNode means = n.putArray("means"), sds = n.putArray("sds");
            for (int i = 0; i < r.normalisation().size(); i++) {
                means.add(r.normalisation().mean(i));
                sds.add(r.normalisation().sd(i));
            }
        } else if (spec instanceof RoiImageInputSpec r) {
            r.phases().forEach(in.putArray("phases")::add);
            ArrayNode crop = in.putArray("cropVoxels");
            for (int n : r.cropVoxels()) crop.add(n);
            in.put("spacingMm", r.spacingMm());
            ArrayNode mm = in.putArray("cropMm");
            for (double d : r.cropMm()) mm.add(d);
            in.put("centring", r.centring().json());
            in.put("axes", AXES);
            in.put("interpolation", RoiImageInputSpec.INTERPOLATION);
            ArrayNode w = in.putArray("huWindow");
            w.add(r.windowLowHu());
            w.add(r.windowHighHu());
            in.put("outsideHu", r.outsideHu());
            ObjectNode n = in.putObject("normalisation");
            n.put("method", r.normalisation().method().json());
            if (r.normalisation().method() == ImageNormalisation.Method.Z_SCORE) {
                n.put("mean", r.normalisation().mean());
                n.put("sd", r.normalisation().sd());
            }
            in.put("layout", RoiImageInputSpec.LAYOUT);
            in.put("maskChannel", r.maskChannel());
        }
        return in;
    }

    private static void keys(String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ModelCardException("unknown field \"" + k + "\" in " + where + "; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String leaf(String path) { return path.substring(path.lastIndexOf('.') + 1).replace("[]", ""); }

    private static JsonNode field(JsonNode parent, String path) {
        JsonNode n = parent.get(leaf(path));
        if (n == null || n.isNull()) throw new ModelCardException("missing required field \"" + path + '"');
        return n;
    }

    private static String text(JsonNode parent, String path) {
        JsonNode n = field(parent, path);
        if (!n.isTextual() || n.asText().isBlank()) throw new ModelCardException("\"" + path + "\" must be a non-empty string");
        return n.asText();
    }

    private static double number(JsonNode parent, String path) {
        JsonNode n = field(parent, path);
        if (!n.isNumber()) throw new ModelCardException("\"" + path + "\" must be a number");
        return n.asDouble();
    }

    private static JsonNode object(JsonNode parent, String path) {
        JsonNode n = field(parent, path);
        if (!n.isObject()) throw new ModelCardException("\"" + path + "\" must be a JSON object");
        return n;
    }

    private static List<String> strings(JsonNode parent, String path) {
        JsonNode n = field(parent, path);
        if (!n.isArray()) throw new ModelCardException("\"" + path + "\" must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) throw new ModelCardException("\"" + path + "\" must contain only strings");
            out.add(e.asText());
        }
        return out;
    }

    private static double[] numbers(JsonNode parent, String path) {
        JsonNode n = field(parent, path);
        if (!n.isArray()) throw new ModelCardException("\"" + path + "\" must be an array of numbers");
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            if (!n.get(i).isNumber()) throw new ModelCardException("\"" + path + "\" must contain only numbers");
            out[i] = n.get(i).asDouble();
        }
        return out;
    }
}

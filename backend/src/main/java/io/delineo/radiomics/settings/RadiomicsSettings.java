package io.delineo.radiomics.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable feature-extraction setting, parsed from the JSON contract shared by the CLI and the API:
 * <pre>
 * {"dimensions": "3D"|"2D",
 *  "resampling": {"spacingMm": [2,2,2], "interpolation": "nearest"|"linear"|"trilinear"|"tricubic",
 *                 "roundIntensities": true, "roiInterpolation": "trilinear", "roiPartialVolume": 0.5},
 *  "resegmentation": {"range": [-1000, 400], "outlierSigma": 3},
 *  "discretisation": {"method": "FBS"|"FBN", "value": 25},
 *  "ivhDiscretisation": {"method": "FBS"|"FBN", "value": 2.5},
 *  "filters": [{"type": "LoG", "sigmaMm": 2}]}
 * </pre>
 * Omitted keys mean "not applied" (dimensions defaults to 3D; without "discretisation" the ROI intensities must
 * already be whole grey levels &ge; 1, as in the IBSI digital phantom). Unknown keys and values are rejected.
 * {@link #sha256()} hashes the canonical JSON form (sorted keys, normalised numbers and names), so equal settings
 * written differently hash the same.
 */
public final class RadiomicsSettings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("dimensions", "resampling", "resegmentation", "discretisation",
            "ivhDiscretisation", "filters");
    private static final Set<String> RESAMPLING = Set.of("spacingMm", "interpolation", "roundIntensities",
            "roiInterpolation", "roiPartialVolume");
    private static final Set<String> RESEG = Set.of("range", "outlierSigma");
    private static final Set<String> DISCR = Set.of("method", "value");
    private static final Set<String> FILTER = Set.of("type", "sigmaMm");

    private final Dimensions dimensions;
    private final Resampling resampling;
    private final Resegmentation resegmentation;
    private final Discretisation discretisation;
    private final Discretisation ivhDiscretisation;
    private final List<FilterSpec> filters;
    private final String canonicalJson;
    private final String sha256;

    public RadiomicsSettings(Dimensions dimensions, Resampling resampling, Resegmentation resegmentation,
                             Discretisation discretisation, Discretisation ivhDiscretisation, List<FilterSpec> filters) {
        this.dimensions = dimensions == null ? Dimensions.D3 : dimensions;
        this.resampling = resampling;
        this.resegmentation = resegmentation;
        this.discretisation = discretisation;
        this.ivhDiscretisation = ivhDiscretisation;
        this.filters = filters == null ? List.of() : List.copyOf(filters);
        if (resampling != null && this.dimensions == Dimensions.D3 && resampling.spacingMm().length != 3) {
            throw new SettingsException("\"resampling.spacingMm\" needs 3 values for 3D processing (2 only with \"2D\")");
        }
        if (this.filters.stream().map(FilterSpec::columnPrefix).distinct().count() != this.filters.size()) {
            throw new SettingsException("\"filters\" lists the same filter twice");
        }
        this.canonicalJson = buildCanonicalJson();
        this.sha256 = hash(canonicalJson);
    }

    /** No resampling, no re-segmentation, no discretisation, 3D. */
    public static RadiomicsSettings defaults() {
        return new RadiomicsSettings(Dimensions.D3, null, null, null, null, List.of());
    }

    public static RadiomicsSettings parse(String json) {
        if (json == null || json.isBlank()) throw new SettingsException("settings JSON is empty");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SettingsException("settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new SettingsException("settings must be a JSON object");
        checkKeys("settings", root, TOP);
        Dimensions dims = root.has("dimensions") ? Dimensions.parse(text(root, "dimensions", "dimensions"))
                : Dimensions.D3;
        Resampling res = null;
        if (root.has("resampling")) {
            JsonNode r = object(root, "resampling");
            checkKeys("resampling", r, RESAMPLING);
            double[] spacing = numbers(r, "spacingMm", "resampling.spacingMm");
            Interpolation interp = Interpolation.parse("resampling.interpolation",
                    text(r, "interpolation", "resampling.interpolation"));
            boolean round = r.has("roundIntensities") && bool(r, "roundIntensities", "resampling.roundIntensities");
            Interpolation roiInterp = r.has("roiInterpolation") ? Interpolation.parse("resampling.roiInterpolation",
                    text(r, "roiInterpolation", "resampling.roiInterpolation")) : Interpolation.LINEAR;
            double pv = r.has("roiPartialVolume") ? number(r, "roiPartialVolume", "resampling.roiPartialVolume") : 0.5;
            res = new Resampling(spacing, interp, round, roiInterp, pv);
        }
        Resegmentation reseg = null;
        if (root.has("resegmentation")) {
            JsonNode r = object(root, "resegmentation");
            checkKeys("resegmentation", r, RESEG);
            boolean hasRange = r.has("range");
            double lo = Double.NaN, hi = Double.NaN;
            if (hasRange) {
                double[] range = numbers(r, "range", "resegmentation.range");
                if (range.length != 2) throw new SettingsException("\"resegmentation.range\" needs exactly 2 numbers");
                lo = range[0];
                hi = range[1];
            }
            double sigma = r.has("outlierSigma") ? number(r, "outlierSigma", "resegmentation.outlierSigma") : 0;
            if (r.has("outlierSigma") && !(sigma > 0)) {
                throw new SettingsException("\"resegmentation.outlierSigma\" must be positive, got " + sigma);
            }
            if (!hasRange && sigma == 0) throw new SettingsException("\"resegmentation\" is empty");
            reseg = new Resegmentation(hasRange, lo, hi, sigma);
        }
        Discretisation d = root.has("discretisation") ? discretisation(root, "discretisation") : null;
        Discretisation ivh = root.has("ivhDiscretisation") ? discretisation(root, "ivhDiscretisation") : null;
        List<FilterSpec> filters = new ArrayList<>();
        if (root.has("filters")) {
            JsonNode f = root.get("filters");
            if (!f.isArray()) throw new SettingsException("\"filters\" must be an array");
            for (JsonNode e : f) {
                if (!e.isObject()) throw new SettingsException("\"filters\" entries must be objects");
                checkKeys("filters[]", e, FILTER);
                filters.add(new FilterSpec(text(e, "type", "filters[].type"), number(e, "sigmaMm", "filters[].sigmaMm")));
            }
        }
        return new RadiomicsSettings(dims, res, reseg, d, ivh, filters);
    }

    public Dimensions dimensions() { return dimensions; }

    public Optional<Resampling> resampling() { return Optional.ofNullable(resampling); }

    public Optional<Resegmentation> resegmentation() { return Optional.ofNullable(resegmentation); }

    public Optional<Discretisation> discretisation() { return Optional.ofNullable(discretisation); }

    public Optional<Discretisation> ivhDiscretisation() { return Optional.ofNullable(ivhDiscretisation); }

    public List<FilterSpec> filters() { return filters; }

    /** Same settings with another {@code dimensions} (used to compute both 2D and 3D aggregations). */
    public RadiomicsSettings withDimensions(Dimensions d) {
        return new RadiomicsSettings(d, resampling, resegmentation, discretisation, ivhDiscretisation, filters);
    }

    public String canonicalJson() { return canonicalJson; }

    /** Lower-case hex SHA-256 of {@link #canonicalJson()}. */
    public String sha256() { return sha256; }

    @Override
    public boolean equals(Object o) { return o instanceof RadiomicsSettings s && s.canonicalJson.equals(canonicalJson); }

    @Override
    public int hashCode() { return canonicalJson.hashCode(); }

    @Override
    public String toString() { return canonicalJson; }

    private String buildCanonicalJson() {
        // keys in lexicographic order at every level, no whitespace
        StringBuilder b = new StringBuilder("{");
        b.append("\"dimensions\":\"").append(dimensions.json()).append('"');
        if (!filters.isEmpty()) {
            b.append(",\"filters\":[");
            for (int i = 0; i < filters.size(); i++) {
                FilterSpec f = filters.get(i);
                if (i > 0) b.append(',');
                b.append("{\"sigmaMm\":").append(plain(f.sigmaMm())).append(",\"type\":\"").append(f.type()).append("\"}");
            }
            b.append(']');
        }
        if (discretisation != null) b.append(",\"discretisation\":").append(discr(discretisation));
        if (ivhDiscretisation != null) b.append(",\"ivhDiscretisation\":").append(discr(ivhDiscretisation));
        if (resampling != null) {
            b.append(",\"resampling\":{\"interpolation\":\"").append(resampling.interpolation().json()).append('"')
                    .append(",\"roiInterpolation\":\"").append(resampling.roiInterpolation().json()).append('"')
                    .append(",\"roiPartialVolume\":").append(plain(resampling.roiPartialVolume()))
                    .append(",\"roundIntensities\":").append(resampling.roundIntensities())
                    .append(",\"spacingMm\":[");
            double[] s = resampling.spacingMm();
            for (int i = 0; i < s.length; i++) b.append(i > 0 ? "," : "").append(plain(s[i]));
            b.append("]}");
        }
        if (resegmentation != null) {
            b.append(",\"resegmentation\":{");
            boolean comma = false;
            if (resegmentation.outlierSigma() > 0) {
                b.append("\"outlierSigma\":").append(plain(resegmentation.outlierSigma()));
                comma = true;
            }
            if (resegmentation.hasRange()) {
                b.append(comma ? "," : "").append("\"range\":[").append(plain(resegmentation.lower())).append(',')
                        .append(plain(resegmentation.upper())).append(']');
            }
            b.append('}');
        }
        return b.append('}').toString();
    }

    private static String discr(Discretisation d) {
        return "{\"method\":\"" + d.method().name() + "\",\"value\":" + plain(d.value()) + "}";
    }

    /** A number without exponent or trailing zeros: 2, 2.5, -1000. */
    public static String plain(double v) {
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String s = bd.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) b.append(String.format("%02x", x & 0xff));
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void checkKeys(String where, JsonNode node, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            if (!allowed.contains(k)) {
                throw new SettingsException("unknown key \"" + k + "\" in " + where + "; allowed: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static Discretisation discretisation(JsonNode root, String key) {
        JsonNode d = object(root, key);
        checkKeys(key, d, DISCR);
        DiscretisationMethod m = DiscretisationMethod.parse(key, text(d, "method", key + ".method"));
        return new Discretisation(m, number(d, "value", key + ".value"));
    }

    private static JsonNode object(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isObject()) throw new SettingsException("\"" + key + "\" must be a JSON object");
        return v;
    }

    private static String text(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null) throw new SettingsException("\"" + path + "\" is required");
        if (!v.isTextual()) throw new SettingsException("\"" + path + "\" must be a string");
        return v.asText();
    }

    private static boolean bool(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null || !v.isBoolean()) throw new SettingsException("\"" + path + "\" must be true or false");
        return v.asBoolean();
    }

    private static double number(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null) throw new SettingsException("\"" + path + "\" is required");
        if (!v.isNumber()) throw new SettingsException("\"" + path + "\" must be a number");
        return v.asDouble();
    }

    private static double[] numbers(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null) throw new SettingsException("\"" + path + "\" is required");
        if (!v.isArray()) throw new SettingsException("\"" + path + "\" must be an array of numbers");
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) throw new SettingsException("\"" + path + "\" must contain only numbers");
            out[i] = v.get(i).asDouble();
        }
        return out;
    }
}

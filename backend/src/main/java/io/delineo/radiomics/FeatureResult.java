package io.delineo.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Feature values of one ROI under one setting, keyed by CSV column (IBSI code + aggregation suffix, with a filter
 * prefix for filtered images, see {@link RadiomicsExtractor}). Iteration order is the engine's stable column order.
 * NaN marks a feature that is undefined for this ROI (e.g. a texture feature on an ROI with one grey level).
 */
public final class FeatureResult {
    private final Map<String, Double> values;
    private final String settingsHash;
    private final String softwareVersion;

    public FeatureResult(Map<String, Double> values, String settingsHash, String softwareVersion) {
        if (values == null || settingsHash == null || softwareVersion == null) {
            throw new IllegalArgumentException("values, settings hash and software version are required");
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.settingsHash = settingsHash;
        this.softwareVersion = softwareVersion;
    }

    public Map<String, Double> values() { return values; }

    public double get(String column) {
        Double v = values.get(column);
        if (v == null) throw new IllegalArgumentException("no feature column '" + column + "' in this result");
        return v;
    }

    public String settingsHash() { return settingsHash; }

    public String softwareVersion() { return softwareVersion; }

    /** CSV header: the feature columns followed by the provenance columns. */
    public String csvHeader() {
        StringJoiner j = new StringJoiner(",");
        values.keySet().forEach(j::add);
        j.add("settings_sha256");
        j.add("software_version");
        return j.toString();
    }

    /** One CSV row matching {@link #csvHeader()}; numbers with 17 significant digits, NaN as empty. */
    public String csvRow() {
        StringJoiner j = new StringJoiner(",");
        for (double v : values.values()) j.add(Double.isFinite(v) ? Double.toString(v) : ""); // shortest exact form
        j.add(settingsHash);
        j.add('"' + softwareVersion.replace("\"", "\"\"") + '"');
        return j.toString();
    }
}

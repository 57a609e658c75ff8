package io.delineo.grading.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a grading model predicts. WHO 2019/2022 grades of pancreatic neuroendocrine neoplasms (G1 Ki-67 &lt; 3 %,
 * G2 3-20 %, G3 &gt; 20 %); the binary task merges G2 and G3, the usual clinical split for "low grade or not".
 */
public enum GradingTask {
    G1_VS_G2G3("G1 vs G2/G3", List.of("G1", "G2/G3")),
    G1_G2_G3("G1/G2/G3", List.of("G1", "G2", "G3"));

    private final String json;
    private final List<String> labels;

    GradingTask(String json, List<String> labels) {
        this.json = json;
        this.labels = labels;
    }

    /** The name used in model cards, e.g. {@code "G1 vs G2/G3"}. */
    public String json() { return json; }

    /** The class labels of this task in canonical order (a model may output them in another order). */
    public List<String> labels() { return labels; }

    /** The class label a pathology grade belongs to under this task. */
    public String labelFor(Grade grade) {
        if (grade == null) throw new IllegalArgumentException("grade is required");
        if (this == G1_G2_G3) return grade.name();
        return grade == Grade.G1 ? "G1" : "G2/G3";
    }

    public static GradingTask parse(String s) {
        for (GradingTask t : values()) if (t.json.equals(s)) return t;
        throw new ModelCardException("unknown task \"" + s + "\"; known tasks: "
                + Arrays.stream(values()).map(t -> '"' + t.json + '"').collect(Collectors.joining(", ")));
    }
}

package io.delineo.grading.model;

/** What a model's single input tensor holds and how the portal builds it. */
public sealed interface InputSpec permits RadiomicsInputSpec, RoiImageInputSpec {
    /** The ONNX graph's input name. */
    String tensorName();

    /** {@code "radiomics"} or {@code "roi-image"}. */
    String kind();

    /** The tensor shape for one case (batch size 1). */
    long[] tensorShape();
}

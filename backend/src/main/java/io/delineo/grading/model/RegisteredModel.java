package io.delineo.grading.model;

import io.delineo.grading.inference.ModelSignature;

/**
 * A model accepted by the {@link ModelRegistry}: its card (whose hash matched the bytes) and the graph signature
 * ONNX Runtime reported. Immutable; the session lives in the registry's engine, keyed by {@link #sha256()}.
 */
public record RegisteredModel(ModelCard card, ModelSignature signature) {
    public String sha256() { return card.modelSha256(); }

    public String key() { return card.key(); }
}

package io.delineo.grading.model;

import io.delineo.grading.inference.ModelSignature;

import java.util.List;

/**
 * Outcome of checking an uploaded model and card without registering anything. When {@link #accepted()}, the
 * integrator stores {@code model.onnx} and {@code model-card.json} atomically and then registers them.
 * {@code card} and {@code signature} are null when the card or the model could not be read.
 */
public record UploadValidation(boolean accepted, ModelCard card, String modelSha256, ModelSignature signature,
                               List<String> problems) {
    public UploadValidation {
        problems = List.copyOf(problems);
        if (accepted != problems.isEmpty()) throw new IllegalArgumentException("accepted iff there are no problems");
    }

    /** Throws {@link ModelRejectedException} listing every problem unless accepted. */
    public UploadValidation requireAccepted() {
        if (!accepted) throw new ModelRejectedException(problems);
        return this;
    }
}

package io.delineo.grading.inference;

import java.util.List;
import java.util.Optional;

/** The inputs and outputs of an ONNX graph, in graph order. */
public record ModelSignature(List<TensorSignature> inputs, List<TensorSignature> outputs) {
    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorSignature> output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}

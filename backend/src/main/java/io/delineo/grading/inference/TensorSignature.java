package io.delineo.grading.inference;

import java.util.Arrays;

/** One graph input or output as ONNX Runtime reports it; dynamic dimensions are -1. */
public record TensorSignature(String name, String elementType, long[] shape) {
    public TensorSignature {
        shape = shape.clone();
    }

    @Override public long[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public long dim(int i) { return shape[i]; }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSignature t && t.name.equals(name) && t.elementType.equals(elementType)
                && Arrays.equals(t.shape, shape);
    }

    @Override public int hashCode() { return 31 * name.hashCode() + Arrays.hashCode(shape); }

    @Override public String toString() { return name + ":" + elementType + Arrays.toString(shape); }
}

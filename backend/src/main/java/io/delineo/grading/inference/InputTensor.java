package io.delineo.grading.inference;

import io.delineo.grading.model.Sha256;

import java.util.Arrays;
import java.util.List;

/**
 * An assembled float32 model input (C order) with its shape, its provenance hash (SHA-256 of the exact
 * little-endian bytes, see {@link Sha256#ofFloats}) and any warnings raised while building it.
 */
public record InputTensor(float[] data, long[] shape, String sha256, List<String> warnings) {
    public InputTensor {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length) {
            throw new IllegalArgumentException("tensor has " + data.length + " values but shape " + Arrays.toString(shape));
        }
        shape = shape.clone();
        warnings = List.copyOf(warnings);
    }

    static InputTensor of(float[] data, long[] shape, List<String> warnings) {
        return new InputTensor(data, shape, Sha256.ofFloats(data), warnings);
    }

    @Override public long[] shape() { return shape.clone(); }
}

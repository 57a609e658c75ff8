package io.delineo.interop.nifti;

import io.delineo.imaging.BitMask;

/** One lesion of a label map: its label value (1, 2, ...), its name and its voxels. */
public record LabeledMask(int label, String name, BitMask mask) {
    public LabeledMask {
        if (label < 1 || label > Short.MAX_VALUE) throw new IllegalArgumentException("label must be 1..32767, got " + label);
        if (name == null) name = "";
        if (mask == null) throw new IllegalArgumentException("mask of label " + label + " is required");
    }
}

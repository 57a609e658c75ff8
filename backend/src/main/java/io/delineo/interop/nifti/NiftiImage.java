package io.delineo.interop.nifti;

import io.delineo.imaging.Volume;

/**
 * A NIfTI-1 image read into real values (scl_slope/scl_inter applied) on an LPS {@link io.delineo.imaging.ImageGrid}.
 * {@code geometrySource} tells which header fields placed it: "sform", "qform" or "pixdim".
 */
public record NiftiImage(Volume volume, NiftiDatatype storedType, String geometrySource, String description) {
    public NiftiImage {
        if (volume == null) throw new IllegalArgumentException("volume is required");
    }
}

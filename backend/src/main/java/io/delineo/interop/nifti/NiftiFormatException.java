package io.delineo.interop.nifti;

import java.io.IOException;

/** A file that is not a NIfTI-1 image we can read; the message says why. */
public class NiftiFormatException extends IOException {
    public NiftiFormatException(String message) { super(message); }
}

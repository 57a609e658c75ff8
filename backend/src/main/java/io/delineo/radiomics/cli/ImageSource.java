package io.delineo.radiomics.cli;

import io.delineo.imaging.Volume;

import java.io.IOException;

/** Where the image comes from (NIfTI now; a DICOM series folder once the DICOM codec is integrated). */
public interface ImageSource {
    Volume load() throws IOException;

    /** Human-readable origin for messages. */
    String describe();
}

package io.delineo.radiomics.cli;

import io.delineo.imaging.ImageGrid;
import io.delineo.radiomics.RoiMask;

import java.io.IOException;

/**
 * Where the ROI comes from (a NIfTI label image now; DICOM RTSTRUCT / SEG later). {@code roi} selects one region:
 * a label number for label images, a name for RTSTRUCT/SEG; null means "the only / every non-zero region".
 */
public interface MaskSource {
    RoiMask load(ImageGrid imageGrid, String roi) throws IOException;

    String describe();
}

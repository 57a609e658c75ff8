package io.delineo.dicom;

/**
 * A parsed DICOM object: file meta information (group 0002; empty when the input had none), the data set and the
 * transfer syntax its data set was (and pixel data is) encoded in.
 *
 * @param fileMeta          group 0002 elements
 * @param dataset           the data set
 * @param transferSyntax    syntax of the data set and pixel data
 * @param pixelDataOffset   byte offset of the (7FE0,0010) element header in the data set stream, -1 if none was seen
 *                          (offsets in a deflated data set refer to the inflated stream)
 * @param stoppedBeforePixelData true when reading stopped at the pixel data (read option)
 */
public record DicomFile(Dataset fileMeta, Dataset dataset, TransferSyntax transferSyntax, long pixelDataOffset,
                        boolean stoppedBeforePixelData) {
    public DicomFile {
        if (fileMeta == null || dataset == null || transferSyntax == null) {
            throw new IllegalArgumentException("file meta, data set and transfer syntax are required");
        }
    }

    /** A new object for writing: meta is derived from the data set by the writer. */
    public static DicomFile of(Dataset dataset, TransferSyntax transferSyntax) {
        return new DicomFile(new Dataset(), dataset, transferSyntax, -1, false);
    }
}

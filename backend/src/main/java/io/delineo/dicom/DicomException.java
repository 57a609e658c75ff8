package io.delineo.dicom;

/** Base of the codec's exceptions: unchecked, with messages meant for a person. */
public class DicomException extends RuntimeException {
    public DicomException(String message) {
        super(message);
    }

    public DicomException(String message, Throwable cause) {
        super(message, cause);
    }
}

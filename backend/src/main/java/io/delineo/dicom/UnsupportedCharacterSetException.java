package io.delineo.dicom;

/** A (0008,0005) Specific Character Set, or text in it, that this codec cannot decode. */
public class UnsupportedCharacterSetException extends DicomException {
    public UnsupportedCharacterSetException(String message) {
        super(message);
    }
}

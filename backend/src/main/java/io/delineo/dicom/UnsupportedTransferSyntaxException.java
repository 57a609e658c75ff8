package io.delineo.dicom;

/** Pixel data in a transfer syntax (or variant) that this codec cannot decode in Java; the browser may still can. */
public class UnsupportedTransferSyntaxException extends DicomException {
    private final TransferSyntax transferSyntax;

    public UnsupportedTransferSyntaxException(TransferSyntax transferSyntax, String reason) {
        super("cannot decode pixel data in " + transferSyntax.name() + " (" + transferSyntax.uid() + "): " + reason);
        this.transferSyntax = transferSyntax;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }
}

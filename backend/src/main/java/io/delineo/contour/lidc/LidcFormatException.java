package io.delineo.contour.lidc;

/** An LIDC annotation file that does not have the expected structure; the message names the file and element. */
public class LidcFormatException extends IllegalArgumentException {
    public LidcFormatException(String message) { super(message); }
}

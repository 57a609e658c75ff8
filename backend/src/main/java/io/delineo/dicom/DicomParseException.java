package io.delineo.dicom;

/** Malformed, truncated or over-limit DICOM input. The message names the problem, the byte offset and the tag. */
public class DicomParseException extends DicomException {
    private final long offset;
    private final int tag;

    /**
     * @param problem what is wrong
     * @param offset  byte offset in the (decompressed) stream where it was found, or -1
     * @param tag     tag of the element being read, or -1 when none
     */
    public DicomParseException(String problem, long offset, int tag) {
        super(describe(problem, offset, tag));
        this.offset = offset;
        this.tag = tag;
    }

    public DicomParseException(String problem, long offset, int tag, Throwable cause) {
        super(describe(problem, offset, tag), cause);
        this.offset = offset;
        this.tag = tag;
    }

    public DicomParseException(String message) {
        super(message);
        this.offset = -1;
        this.tag = -1;
    }

    private static String describe(String problem, long offset, int tag) {
        StringBuilder text = new StringBuilder(problem);
        if (tag != -1) {
            text.append(" [element ").append(Tag.toString(tag)).append(']');
        }
        if (offset >= 0) {
            text.append(" [at byte offset ").append(offset).append(']');
        }
        return text.toString();
    }

    /** Byte offset of the problem, -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** Tag of the element being read, -1 when none. */
    public int tag() {
        return tag;
    }
}

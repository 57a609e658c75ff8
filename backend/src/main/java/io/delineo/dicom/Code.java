package io.delineo.dicom;

/**
 * A coded concept (PS3.3 Table 8.8-1 basic code sequence macro): Code Value, Coding Scheme Designator, Code Meaning.
 * Used for SEG categories, SR concept names and the like.
 */
public record Code(String value, String scheme, String meaning) {
    public Code {
        if (value == null || value.isEmpty() || scheme == null || scheme.isEmpty() || meaning == null) {
            throw new IllegalArgumentException("a code needs a value, a coding scheme designator and a meaning");
        }
    }

    /** Appends this code as a new item of the sequence and returns the item. */
    public Dataset addTo(Sequence sequence) {
        Dataset item = sequence.addItem();
        item.setString(Tags.CodeValue, VR.SH, value);
        item.setString(Tags.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tags.CodeMeaning, VR.LO, meaning);
        return item;
    }

    /** Reads a code from an item, or null when the item has no Code Value. */
    public static Code of(Dataset item) {
        String value = item.getString(Tags.CodeValue);
        if (value == null) {
            return null;
        }
        return new Code(value, item.getString(Tags.CodingSchemeDesignator, "?"), item.getString(Tags.CodeMeaning, ""));
    }
}

package io.delineo.dicom.json;

import java.math.BigDecimal;

/** A JSON number kept as its text, so "-0.0" and the digits of a DS value survive parsing. */
record JsonNumber(String text) {
    BigDecimal decimal() {
        return new BigDecimal(text);
    }

    double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public String toString() {
        return text;
    }
}

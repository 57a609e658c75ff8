package io.delineo.study;

/** The image phases a case may show; each case maps at most one archive series to each phase. */
public enum Phase {
    CT_NON_CONTRAST("CT non-contrast"),
    CT_ARTERIAL("CT arterial"),
    CT_PORTAL_VENOUS("CT portal-venous"),
    MR_T2W("MRI T2WI"),
    MR_DWI("MRI DWI"),
    MR_ADC("MRI ADC");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() { return label; }

    public static Phase parse(String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown phase '" + value + "'; use one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}

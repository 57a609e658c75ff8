package io.delineo.radiomics;

/** The feature engine's version, recorded with every result so that values can be traced to the code. */
public final class SoftwareVersion {
    /** Bump when any feature value may change. */
    public static final String ENGINE = "delineo-radiomics 1.0.0 (IBSI chapter 1)";

    private SoftwareVersion() { }
}

package io.delineo.radiomics;

/** IBSI chapter 1 feature families (the IBSI code of the family section in brackets). */
public enum FeatureFamily {
    MORPHOLOGY("HCUG"),
    LOCAL_INTENSITY("9ST6"),
    INTENSITY_STATISTICS("UHIW"),
    INTENSITY_HISTOGRAM("ZVCW"),
    INTENSITY_VOLUME_HISTOGRAM("P88C"),
    GLCM("LFYI"),
    GLRLM("TP0I"),
    GLSZM("9SAK"),
    GLDZM("VMDZ"),
    NGTDM("IPET"),
    NGLDM("REK0");

    private final String ibsiCode;

    FeatureFamily(String ibsiCode) { this.ibsiCode = ibsiCode; }

    public String ibsiCode() { return ibsiCode; }
}

package io.delineo.radiomics;

/**
 * IBSI feature aggregation methods (IBSI chapter 1, "Aggregating features"), with the suffix they add to a CSV column.
 * Families with one aggregation (morphology, local intensity, statistics, histograms) use {@link #NONE}: the bare code.
 */
public enum Aggregation {
    NONE("", "DHQ4"),
    /** 2D: features per slice and direction, averaged (GLCM/GLRLM: BTW3; zone/neighbourhood families: 8QNN). */
    D2_AVG("_2D_avg", "BTW3/8QNN"),
    /** 2D: directional matrices merged per slice, features averaged over slices. */
    D2_SMRG("_2D_smrg", "SUJT"),
    /** 2.5D: matrices merged over slices per direction, features averaged over directions. */
    D25_DMRG("_2_5D_dmrg", "JJUI"),
    /** 2.5D: all 2D matrices merged into one. */
    D25_VMRG("_2_5D_vmrg", "ZW7Z/62GR"),
    /** 3D: features per 3D direction, averaged. */
    D3_AVG("_3D_avg", "ITBB"),
    /** 3D: all directional 3D matrices merged. */
    D3_MRG("_3D_mrg", "IAZD"),
    /** 3D: one matrix for the volume (zone and neighbourhood families). */
    D3("_3D", "KOBO");

    private final String suffix;
    private final String ibsiCode;

    Aggregation(String suffix, String ibsiCode) {
        this.suffix = suffix;
        this.ibsiCode = ibsiCode;
    }

    public String suffix() { return suffix; }

    public String ibsiCode() { return ibsiCode; }
}

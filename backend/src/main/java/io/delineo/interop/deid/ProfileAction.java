package io.delineo.interop.deid;

/**
 * Action codes of PS3.15 Table E.1-1. Compound codes ("X/Z" ...) let the IOD decide; {@link #resolved()} says what
 * Delineo does with them.
 */
public enum ProfileAction {
    /** replace with a non-zero length dummy value consistent with the VR */
    D("D"),
    /** replace with a zero length value (or a dummy) */
    Z("Z"),
    /** remove */
    X("X"),
    /** keep (sequences: keep, de-identify their items) */
    K("K"),
    /** clean: replace with values of similar meaning known not to contain identifying information */
    C("C"),
    /** replace with a non-zero length UID, consistent within the set of instances */
    U("U"),
    X_Z("X/Z"),
    X_D("X/D"),
    X_Z_D("X/Z/D"),
    Z_D("Z/D"),
    /** X unless Z or replacement of contained instance UIDs (U) is needed for conformance (sequences of references) */
    X_Z_U("X/Z/U*");

    private final String code;

    ProfileAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ProfileAction of(String code) {
        for (ProfileAction a : values()) if (a.code.equals(code)) return a;
        throw new IllegalArgumentException("unknown PS3.15 action code '" + code + "'");
    }

    /**
     * The single action taken. The right-most alternative of a compound code is the one that keeps the IOD
     * conformant whatever the attribute's Type (1, 2 or 3), and none of the alternatives retains information
     * (a dummy or empty value only reveals that the attribute was present), so: X/Z → Z, X/D, X/Z/D and Z/D → D,
     * X/Z/U* → U (keep the sequence; the UIDs inside it are replaced by their own U action).
     */
    public ProfileAction resolved() {
        return switch (this) {
            case X_Z -> Z;
            case X_D, X_Z_D, Z_D -> D;
            case X_Z_U -> U;
            default -> this;
        };
    }
}

package io.delineo.radiomics.settings;

/** Image/ROI interpolation kernels. "linear" and "trilinear" are the same kernel (bilinear when dimensions = 2D). */
public enum Interpolation {
    NEAREST("nearest"),
    LINEAR("linear"),
    /** Cubic B-spline interpolation (with the spline pre-filter), i.e. IBSI's "tricubic spline". */
    TRICUBIC("tricubic");

    private final String json;

    Interpolation(String json) { this.json = json; }

    public String json() { return json; }

    static Interpolation parse(String field, String s) {
        switch (s) {
            case "nearest": return NEAREST;
            case "linear":
            case "trilinear":
            case "bilinear": return LINEAR;
            case "tricubic": return TRICUBIC;
            default:
                throw new SettingsException("\"" + field + "\" must be one of nearest, linear, trilinear, tricubic; got \""
                        + s + "\"");
        }
    }
}

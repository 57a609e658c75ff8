package io.delineo.radiomics.settings;

/** Whether processing and texture aggregation work per slice (2D, 2.5D) or on the volume (3D). */
public enum Dimensions {
    /** In-plane resampling only; texture features aggregated 2D and 2.5D. */
    D2("2D"),
    /** Volumetric resampling; texture features aggregated 3D. */
    D3("3D");

    private final String json;

    Dimensions(String json) { this.json = json; }

    public String json() { return json; }

    static Dimensions parse(String s) {
        for (Dimensions d : values()) if (d.json.equals(s)) return d;
        throw new SettingsException("\"dimensions\" must be \"2D\" or \"3D\", got \"" + s + "\"");
    }
}

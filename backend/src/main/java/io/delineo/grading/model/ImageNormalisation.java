package io.delineo.grading.model;

/**
 * Intensity normalisation after HU windowing: {@code window-to-unit} maps [lo, hi] to [0, 1];
 * {@code z-score} computes {@code (clippedHu - mean) / sd}.
 */
public record ImageNormalisation(Method method, double mean, double sd) {
    public enum Method {
        WINDOW_TO_UNIT("window-to-unit"), Z_SCORE("z-score");

        private final String json;

        Method(String json) { this.json = json; }

        public String json() { return json; }

        public static Method parse(String s) {
            for (Method m : values()) if (m.json.equals(s)) return m;
            throw new ModelCardException("\"input.normalisation.method\" must be \"window-to-unit\" or \"z-score\", got \""
                    + s + '"');
        }
    }

    public ImageNormalisation {
        if (method == null) throw new ModelCardException("\"input.normalisation.method\" is required");
        if (method == Method.Z_SCORE && (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd))) {
            throw new ModelCardException("z-score image normalisation needs a finite mean and a positive sd");
        }
    }

    public static ImageNormalisation windowToUnit() { return new ImageNormalisation(Method.WINDOW_TO_UNIT, 0, 1); }

    /** Applies the normalisation to an already clipped HU value. */
    public float apply(double clippedHu, double windowLow, double windowHigh) {
        return switch (method) {
            case WINDOW_TO_UNIT -> (float) ((clippedHu - windowLow) / (windowHigh - windowLow));
            case Z_SCORE -> (float) ((clippedHu - mean) / sd);
        };
    }
}

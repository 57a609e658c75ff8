package io.delineo.radiomics.settings;

/**
 * A convolution filter applied to the (resampled) image before feature calculation. Only the Laplacian of Gaussian
 * exists now: {@code sigmaMm} is the Gaussian scale in millimetres. Column prefix: {@code LoG_s<sigma>mm_}.
 */
public record FilterSpec(String type, double sigmaMm) {
    public static final String LOG = "LoG";

    public FilterSpec {
        if (!LOG.equals(type)) throw new SettingsException("\"filters[].type\" must be \"LoG\", got \"" + type + "\"");
        if (!(sigmaMm > 0) || sigmaMm > 50) {
            throw new SettingsException("\"filters[].sigmaMm\" must be in (0, 50] mm, got " + sigmaMm);
        }
    }

    /** Column prefix, e.g. {@code LoG_s2mm_} or {@code LoG_s2.5mm_}. */
    public String columnPrefix() {
        return type + "_s" + RadiomicsSettings.plain(sigmaMm) + "mm_";
    }
}

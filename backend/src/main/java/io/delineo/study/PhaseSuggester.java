package io.delineo.study;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Suggests the phase of a series from its DICOM attributes, for the PI to confirm: first the series description
 * (the way sites name phases), then for CT the delay between contrast injection and acquisition. A suggestion carries
 * the reason, so the PI can judge it; it is never applied without the PI.
 */
public final class PhaseSuggester {
    private static final Pattern ARTERIAL = Pattern.compile("\\b(arterial|arteriell\\w*|art|ap|late art\\w*|angio|cta)\\b");
    private static final Pattern PORTAL = Pattern.compile("\\b(portal\\w*|venous|pv|pvp|ven\\w*)\\b");
    private static final Pattern NON_CONTRAST = Pattern.compile(
            "\\b(non[- ]?contrast|noncon|native|nativ|plain|unenhanced|pre[- ]?contrast|nc|w/?o)\\b");
    private static final Pattern ADC = Pattern.compile("\\b(adc|apparent diffusion)\\b");
    private static final Pattern DWI = Pattern.compile("\\b(dwi|diffusion|trace|b\\s?\\d{2,4}|ep2d_diff\\w*)\\b");
    private static final Pattern T2 = Pattern.compile("\\b(t2\\w*|haste|ssfse|tse)\\b");

    /** What the suggester needs of a series. */
    public record SeriesFacts(String modality, String seriesDescription, String contrastBolusAgent,
                              String contrastBolusStartTime, String acquisitionTime, String imageType) {
    }

    public record Suggestion(Phase phase, String reason) {
    }

    private PhaseSuggester() {
    }

    public static Optional<Suggestion> suggest(SeriesFacts s) {
        String modality = s.modality() == null ? "" : s.modality().toUpperCase(Locale.ROOT);
        String description = s.seriesDescription() == null ? "" : s.seriesDescription().toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        if (modality.equals("MR")) {
            String imageType = s.imageType() == null ? "" : s.imageType().toLowerCase(Locale.ROOT);
            if (ADC.matcher(description).find() || imageType.contains("adc")) {
                return Optional.of(new Suggestion(Phase.MR_ADC, "series description or image type names ADC"));
            }
            if (DWI.matcher(description).find()) {
                return Optional.of(new Suggestion(Phase.MR_DWI, "series description names diffusion"));
            }
            if (T2.matcher(description).find()) {
                return Optional.of(new Suggestion(Phase.MR_T2W, "series description names a T2 sequence"));
            }
            return Optional.empty();
        }
        if (!modality.equals("CT")) return Optional.empty();
        if (NON_CONTRAST.matcher(description).find()) {
            return Optional.of(new Suggestion(Phase.CT_NON_CONTRAST, "series description names a non-contrast scan"));
        }
        if (ARTERIAL.matcher(description).find()) {
            return Optional.of(new Suggestion(Phase.CT_ARTERIAL, "series description names the arterial phase"));
        }
        if (PORTAL.matcher(description).find()) {
            return Optional.of(new Suggestion(Phase.CT_PORTAL_VENOUS, "series description names the portal-venous phase"));
        }
        Double delay = secondsBetween(s.contrastBolusStartTime(), s.acquisitionTime());
        if (delay != null && delay >= 0) {
            // typical pancreatic protocol delays: late arterial 35–45 s, portal venous 60–80 s after injection
            if (delay < 50) {
                return Optional.of(new Suggestion(Phase.CT_ARTERIAL, "acquired " + Math.round(delay)
                        + " s after contrast injection"));
            }
            if (delay <= 120) {
                return Optional.of(new Suggestion(Phase.CT_PORTAL_VENOUS, "acquired " + Math.round(delay)
                        + " s after contrast injection"));
            }
        }
        boolean agentNamed = s.contrastBolusAgent() != null && !s.contrastBolusAgent().isBlank();
        if (agentNamed) {
            return Optional.of(new Suggestion(Phase.CT_PORTAL_VENOUS, "contrast agent recorded ("
                    + s.contrastBolusAgent().trim() + "), no timing: portal-venous is the usual single phase"));
        }
        return Optional.empty();
    }

    /** Seconds from one DICOM TM value to another (HHMMSS[.frac]); null when either is missing or malformed. */
    static Double secondsBetween(String from, String to) {
        Double a = seconds(from), b = seconds(to);
        return a == null || b == null ? null : b - a;
    }

    static Double seconds(String tm) {
        if (tm == null) return null;
        String t = tm.trim().replace(":", "");
        if (!t.matches("\\d{6}(\\.\\d{1,6})?")) return null;
        return Integer.parseInt(t.substring(0, 2)) * 3600 + Integer.parseInt(t.substring(2, 4)) * 60
                + Double.parseDouble(t.substring(4));
    }
}

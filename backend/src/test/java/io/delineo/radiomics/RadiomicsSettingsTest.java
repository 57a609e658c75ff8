package io.delineo.radiomics;

import io.delineo.radiomics.settings.DiscretisationMethod;
import io.delineo.radiomics.settings.Dimensions;
import io.delineo.radiomics.settings.Interpolation;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.radiomics.settings.SettingsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RadiomicsSettingsTest {
    static final String FULL = "{\"dimensions\": \"3D\", \"resampling\": {\"spacingMm\": [2,2,2], \"interpolation\": "
            + "\"trilinear\", \"roundIntensities\": true, \"roiInterpolation\": \"trilinear\", \"roiPartialVolume\": 0.5},"
            + " \"resegmentation\": {\"range\": [-1000, 400], \"outlierSigma\": 3}, \"discretisation\": {\"method\": "
            + "\"FBS\", \"value\": 25}, \"ivhDiscretisation\": {\"method\": \"FBS\", \"value\": 2.5}, \"filters\": "
            + "[{\"type\": \"LoG\", \"sigmaMm\": 2}]}";

    @Test
    void parsesTheContract() {
        RadiomicsSettings s = RadiomicsSettings.parse(FULL);
        assertThat(s.dimensions()).isEqualTo(Dimensions.D3);
        assertThat(s.resampling().orElseThrow().spacingMm()).containsExactly(2, 2, 2);
        assertThat(s.resampling().orElseThrow().interpolation()).isEqualTo(Interpolation.LINEAR);
        assertThat(s.resampling().orElseThrow().roundIntensities()).isTrue();
        assertThat(s.resegmentation().orElseThrow().lower()).isEqualTo(-1000);
        assertThat(s.resegmentation().orElseThrow().outlierSigma()).isEqualTo(3);
        assertThat(s.discretisation().orElseThrow().method()).isEqualTo(DiscretisationMethod.FBS);
        assertThat(s.ivhDiscretisation().orElseThrow().value()).isEqualTo(2.5);
        assertThat(s.filters()).hasSize(1);
        assertThat(s.filters().get(0).columnPrefix()).isEqualTo("LoG_s2mm_");
    }

    @Test
    void hashIsStableAcrossFormattingAndKeyOrder() {
        String reordered = "{\"filters\":[{\"sigmaMm\":2.0,\"type\":\"LoG\"}],\"ivhDiscretisation\":{\"value\":2.50,"
                + "\"method\":\"FBS\"},\"discretisation\":{\"value\":25.0,\"method\":\"FBS\"},\"resegmentation\":"
                + "{\"outlierSigma\":3,\"range\":[-1000.0,400]},\"resampling\":{\"roiPartialVolume\":0.5,"
                + "\"roiInterpolation\":\"linear\",\"roundIntensities\":true,\"interpolation\":\"linear\","
                + "\"spacingMm\":[2,2,2]},\"dimensions\":\"3D\"}";
        RadiomicsSettings a = RadiomicsSettings.parse(FULL), b = RadiomicsSettings.parse(reordered);
        assertThat(a.canonicalJson()).isEqualTo(b.canonicalJson());
        assertThat(a.sha256()).isEqualTo(b.sha256()).matches("[0-9a-f]{64}");
        assertThat(a).isEqualTo(b);
        assertThat(RadiomicsSettings.parse("{}").sha256()).isNotEqualTo(a.sha256());
        // the canonical form re-parses to the same settings
        assertThat(RadiomicsSettings.parse(a.canonicalJson()).sha256()).isEqualTo(a.sha256());
    }

    @Test
    void omittedKeysMeanNotApplied() {
        RadiomicsSettings s = RadiomicsSettings.parse("{}");
        assertThat(s.dimensions()).isEqualTo(Dimensions.D3);
        assertThat(s.resampling()).isEmpty();
        assertThat(s.resegmentation()).isEmpty();
        assertThat(s.discretisation()).isEmpty();
        assertThat(s.filters()).isEmpty();
    }

    @Test
    void rejectsUnknownKeysAndValuesClearly() {
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"dimension\":\"3D\"}"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("unknown key \"dimension\"");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"dimensions\":\"4D\"}"))
                .hasMessageContaining("\"dimensions\" must be \"2D\" or \"3D\"");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"discretisation\":{\"method\":\"FBW\",\"value\":3}}"))
                .hasMessageContaining("FBS").hasMessageContaining("FBN");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"discretisation\":{\"method\":\"FBN\",\"value\":2.5}}"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"resampling\":{\"spacingMm\":[2,2,2],\"interpolation\":"
                + "\"cubic\"}}")).hasMessageContaining("resampling.interpolation");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"resegmentation\":{\"range\":[400,-1000]}}"))
                .hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"filters\":[{\"type\":\"Gabor\",\"sigmaMm\":2}]}"))
                .hasMessageContaining("LoG");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"filters\":[{\"type\":\"LoG\",\"sigmaMm\":2,\"x\":1}]}"))
                .hasMessageContaining("unknown key \"x\"");
        assertThatThrownBy(() -> RadiomicsSettings.parse("{\"resampling\":{\"spacingMm\":[2,2],\"interpolation\":"
                + "\"linear\"}}")).hasMessageContaining("needs 3 values for 3D");
        assertThatThrownBy(() -> RadiomicsSettings.parse("not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RadiomicsSettings.parse("[1]")).hasMessageContaining("JSON object");
    }
}

package io.delineo.study;

import io.delineo.study.PhaseSuggester.SeriesFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseSuggesterTest {
    static Phase phase(String modality, String description, String agent, String bolusStart, String acquisition) {
        return PhaseSuggester.suggest(new SeriesFacts(modality, description, agent, bolusStart, acquisition, null))
                .map(PhaseSuggester.Suggestion::phase).orElse(null);
    }

    @Test
    void seriesDescriptionsAsSitesWriteThem() {
        assertThat(phase("CT", "ABD PANC ARTERIAL 1.0", null, null, null)).isEqualTo(Phase.CT_ARTERIAL);
        assertThat(phase("CT", "Late arterial phase", null, null, null)).isEqualTo(Phase.CT_ARTERIAL);
        assertThat(phase("CT", "PV 3mm", null, null, null)).isEqualTo(Phase.CT_PORTAL_VENOUS);
        assertThat(phase("CT", "Portalvenous", null, null, null)).isEqualTo(Phase.CT_PORTAL_VENOUS);
        assertThat(phase("CT", "Abdomen nativ", null, null, null)).isEqualTo(Phase.CT_NON_CONTRAST);
        assertThat(phase("CT", "NON-CONTRAST", null, null, null)).isEqualTo(Phase.CT_NON_CONTRAST);
        assertThat(phase("MR", "t2_haste_tra", null, null, null)).isEqualTo(Phase.MR_T2W);
        assertThat(phase("MR", "ep2d_diff_b50_800", null, null, null)).isEqualTo(Phase.MR_DWI);
        assertThat(phase("MR", "ep2d_diff_ADC", null, null, null)).isEqualTo(Phase.MR_ADC);
    }

    @Test
    void contrastTimingDecidesWhenTheDescriptionIsSilent() {
        assertThat(phase("CT", "Abdomen 3.0", "Iomeprol", "101500", "101540")).isEqualTo(Phase.CT_ARTERIAL);
        assertThat(phase("CT", "Abdomen 3.0", "Iomeprol", "101500", "101610.5")).isEqualTo(Phase.CT_PORTAL_VENOUS);
        assertThat(phase("CT", "Abdomen 3.0", "Iomeprol", null, null)).isEqualTo(Phase.CT_PORTAL_VENOUS);
        assertThat(phase("CT", "PANCREAS DI iDose 3", null, null, null)).isNull();
        assertThat(phase("US", "whatever arterial", null, null, null)).isNull();
    }

    @Test
    void timesAreParsedAsDicomTm() {
        assertThat(PhaseSuggester.secondsBetween("235959", "000001")).isEqualTo(-86398.0);
        assertThat(PhaseSuggester.seconds("10:15:00")).isEqualTo(36900.0);
        assertThat(PhaseSuggester.seconds("1015")).isNull();
    }
}

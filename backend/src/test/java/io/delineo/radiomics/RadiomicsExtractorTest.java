package io.delineo.radiomics;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RadiomicsExtractorTest {
    static Volume blob() {
        ImageGrid g = ImageGrid.axial(24, 22, 12, 1, 1, 2);
        float[] v = new float[g.size()];
        for (int z = 0; z < 12; z++) for (int y = 0; y < 22; y++) for (int x = 0; x < 24; x++) {
            double r2 = (x - 12) * (x - 12) + (y - 11) * (y - 11) + 4.0 * (z - 6) * (z - 6);
            v[g.index(x, y, z)] = (float) Math.rint(100 * Math.exp(-r2 / 40) + (x % 3) * 5);
        }
        return new Volume(g, v);
    }

    static boolean[] sphere(ImageGrid g, double radiusMm) {
        boolean[] m = new boolean[g.size()];
        for (int z = 0; z < g.nz(); z++) for (int y = 0; y < g.ny(); y++) for (int x = 0; x < g.nx(); x++) {
            double dx = (x - 12) * g.sx(), dy = (y - 11) * g.sy(), dz = (z - 6) * g.sz();
            m[g.index(x, y, z)] = dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm;
        }
        return m;
    }

    @Test
    void maskAdaptersGiveTheSameResult() {
        Volume v = blob();
        boolean[] m = sphere(v.grid(), 7);
        RadiomicsSettings s = RadiomicsSettings.parse("{\"discretisation\":{\"method\":\"FBN\",\"value\":16}}");
        RadiomicsExtractor e = new RadiomicsExtractor(EnumSet.of(FeatureFamily.INTENSITY_STATISTICS, FeatureFamily.GLCM));
        FeatureResult a = e.extract(v, m, s), b = e.extract(v, i -> m[i], s);
        assertThat(a.values()).isEqualTo(b.values());
        assertThat(a.values().keySet()).contains("Q4LE", "GYBY_3D_avg", "GYBY_3D_mrg").doesNotContain("RNU0");
    }

    @Test
    void filteredColumnsCarryThePrefixAndSkipMorphology() {
        Volume v = blob();
        RadiomicsSettings s = RadiomicsSettings.parse("{\"discretisation\":{\"method\":\"FBS\",\"value\":10},"
                + "\"filters\":[{\"type\":\"LoG\",\"sigmaMm\":2},{\"type\":\"LoG\",\"sigmaMm\":2.5}]}");
        FeatureResult r = new RadiomicsExtractor().extract(v, sphere(v.grid(), 7), s);
        assertThat(r.values()).containsKeys("RNU0", "LoG_s2mm_Q4LE", "LoG_s2.5mm_GYBY_3D_avg", "LoG_s2mm_BC2M_10");
        assertThat(r.values().keySet().stream().filter(k -> k.startsWith("LoG_s2mm_"))).doesNotContain("LoG_s2mm_RNU0");
        // the blob centre is a bright maximum: a negative LoG response
        assertThat(r.get("LoG_s2mm_1GSF")).isLessThan(0);
        assertThat(r.settingsHash()).isEqualTo(s.sha256());
        // morphology of a 7 mm sphere: the mesh volume is close to (4/3) pi r^3
        assertThat(r.get("RNU0")).isCloseTo(4 / 3.0 * Math.PI * 343, within(0.12 * 4 / 3.0 * Math.PI * 343));
    }

    @Test
    void clearErrorsForUnusableInput() {
        Volume v = blob();
        RadiomicsSettings s = RadiomicsSettings.parse("{\"resegmentation\":{\"range\":[1000,2000]},"
                + "\"discretisation\":{\"method\":\"FBN\",\"value\":8}}");
        assertThatThrownBy(() -> new RadiomicsExtractor().extract(v, sphere(v.grid(), 7), s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("re-segmentation");
        assertThatThrownBy(() -> new RadiomicsExtractor().extract(v, new boolean[3], s))
                .hasMessageContaining("voxels");
    }
}

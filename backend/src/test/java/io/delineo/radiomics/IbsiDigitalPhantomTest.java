package io.delineo.radiomics;

import io.delineo.interop.nifti.NiftiReader;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.settings.Dimensions;
import io.delineo.radiomics.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feature of the IBSI chapter 1 digital phantom that has a reference value must match it:
 * |computed - reference| &le; tolerance, where a tolerance of 0 means "equal at the 3 significant digits IBSI
 * publishes". IBSI phantom settings: no resampling, no re-segmentation, no discretisation. 2D/2.5D aggregations
 * come from the 2D setting, 3D ones from the 3D setting.
 */
class IbsiDigitalPhantomTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(IbsiDigitalPhantomTest.class.getResource("/radiomics/ibsi1-digital-phantom/" + name).toURI());
    }

    @Test
    void everyReferenceFeatureMatches() throws Exception {
        Volume image = NiftiReader.read(resource("image.nii.gz")).volume();
        Volume mask = NiftiReader.read(resource("mask.nii.gz")).volume();
        boolean[] roi = new boolean[mask.data().length];
        for (int i = 0; i < roi.length; i++) roi[i] = mask.data()[i] > 0.5;
        assertThat(countTrue(roi)).isEqualTo(74);

        Map<String, Double> values = new LinkedHashMap<>();
        RadiomicsExtractor extractor = new RadiomicsExtractor();
        for (Dimensions d : Dimensions.values()) {
            FeatureResult r = extractor.extract(image, roi, RadiomicsSettings.defaults().withDimensions(d));
            assertThat(r.settingsHash()).hasSize(64);
            assertThat(r.softwareVersion()).isEqualTo(SoftwareVersion.ENGINE);
            values.putAll(r.values());
        }

        List<IbsiReference> refs = IbsiReference.read(resource("ibsi_1_reference_values_digital_phantom.csv"));
        List<String> failures = new ArrayList<>();
        for (IbsiReference ref : refs) {
            String column = IbsiReferenceTags.column(ref.tag());
            Double v = column == null ? null : values.get(column);
            if (v == null || !IbsiReferenceTags.matches(v, ref.value(), ref.tolerance())) {
                failures.add(ref.tag() + " (" + column + "): expected " + ref.value() + " +/- " + ref.tolerance()
                        + ", got " + v);
            }
        }
        System.out.println("IBSI digital phantom: " + (refs.size() - failures.size()) + "/" + refs.size() + " pass");
        assertThat(refs).hasSize(482);
        assertThat(failures).isEmpty();
    }

    private static int countTrue(boolean[] b) {
        int c = 0;
        for (boolean x : b) if (x) c++;
        return c;
    }
}

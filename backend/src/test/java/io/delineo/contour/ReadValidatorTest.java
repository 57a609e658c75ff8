package io.delineo.contour;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadValidatorTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    private static final Map<String, ImagePlane> PLANES = Map.of(
            "1.1", new ImagePlane("S1", new double[]{0, 0, 10}, AXIAL),
            "1.2", new ImagePlane("S1", new double[]{0, 0, 12}, AXIAL),
            "2.1", new ImagePlane("S2", new double[]{0, 0, 10}, AXIAL));

    private static ReadContent.Contour square(String sop, double z) {
        return new ReadContent.Contour(sop, List.of(new double[]{0, 0, z}, new double[]{5, 0, z},
                new double[]{5, 5, z}, new double[]{0, 5, z}), "freehand");
    }

    private static List<String> problems(ReadContent.Lesion... lesions) {
        return ReadValidator.problems(new ReadContent(List.of(lesions)), List.of("primary tumour"), PLANES);
    }

    @Test
    void aLesionOnOneSeriesWithItsSeriesNamedIsAccepted() {
        assertThat(problems(new ReadContent.Lesion("L1", "primary tumour", "S1",
                List.of(square("1.1", 10), square("1.2", 12))))).isEmpty();
    }

    @Test
    void aLesionWhoseContoursLieOnAnotherSeriesThanItNamesIsRejected() {
        assertThat(problems(new ReadContent.Lesion("L1", "primary tumour", "S2", List.of(square("1.1", 10)))))
                .singleElement().asString().contains("not on the lesion's series S2");
    }

    @Test
    void aLesionSpreadOverTwoSeriesIsRejected() {
        assertThat(problems(new ReadContent.Lesion("L1", "primary tumour", List.of(square("1.1", 10), square("2.1", 10)))))
                .singleElement().asString().contains("2 different series");
    }

    @Test
    void pointsOffTheImagePlaneAreNamed() {
        assertThat(problems(new ReadContent.Lesion("L1", "primary tumour", List.of(square("1.2", 10)))))
                .singleElement().asString().contains("lies 2.00 mm off the plane of image 1.2");
    }

    @Test
    void theSeriesIsFilledFromTheContoursWhenNotGiven() {
        ReadContent filled = new ReadContent(List.of(new ReadContent.Lesion("L1", "primary tumour",
                List.of(square("2.1", 10))))).withSeries(sop -> PLANES.get(sop).seriesInstanceUid());
        assertThat(filled.lesions().get(0).seriesInstanceUid()).isEqualTo("S2");
    }
}

package io.delineo.archive;

import io.delineo.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IngestValidatorTest {
    static final Path FILES = Path.of("src/test/resources/dicom/pydicom-test-files/test_files");

    @Test
    void subsampledYbrFull422IsNotMistakenForShortPixelData() {
        // 100x100 YBR_FULL_422, 8 bit: 20000 bytes (two samples per pixel), not 30000
        assertThat(IngestValidator.problem(DicomReader.read(FILES.resolve("SC_ybr_full_422_uncompressed.dcm"))))
                .isEmpty();
    }

    @Test
    void everyTransferSyntaxOfTheMrSampleIsAcceptable() {
        for (String f : new String[]{"MR_small.dcm", "MR_small_RLE.dcm", "MR_small_bigendian.dcm",
                "MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm", "image_dfl.dcm"}) {
            assertThat(IngestValidator.problem(DicomReader.read(FILES.resolve(f)))).as(f).isEmpty();
        }
    }

    @Test
    void inconsistentMetaIsNamed() {
        assertThat(IngestValidator.problem(DicomReader.read(FILES.resolve("rtplan.dcm"))))
                .hasValueSatisfying(p -> assertThat(p).contains("MediaStorageSOPInstanceUID"));
    }
}

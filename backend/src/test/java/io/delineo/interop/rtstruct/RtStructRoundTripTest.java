package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadContent;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.DerivedSeriesInfo;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.InteropTestSupport;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.common.TestMasks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ReadContent → RTSTRUCT → file → read → rasterise gives exactly the voxels of rasterising the original, on the
 * real demo CT geometry and on an oblique synthetic grid; the written files pass dciodvfy and load in pydicom.
 */
class RtStructRoundTripTest {
    static SourceSeries demo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadDemo() {
        demo = InteropTestSupport.series(InteropTestSupport.demoCt());
    }

    static DerivedSeriesInfo info() {
        return new DerivedSeriesInfo("Reader 1 lesions", 901, "Reader^One", LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                "2.25.1001", "2.25.1002");
    }

    /** Traced masks (with a hollow: holes), a repeated label and free-hand polygons. */
    static ReadContent content(SourceSeries s) {
        ImageGrid g = s.grid();
        int kc = g.nz() / 2;
        BitMask a = TestMasks.ellipsoid(g, g.nx() * 0.55, g.ny() * 0.5, kc, 14, 10, 3.2, 0.45);
        BitMask b = TestMasks.ellipsoid(g, g.nx() * 0.35, g.ny() * 0.6, kc + 2, 6, 8, 1.6, 0);
        List<ReadContent.Contour> free = new ArrayList<>();
        for (int dk = -1; dk <= 1; dk++) {
            free.add(TestMasks.wobblyCircle(s, g.nx() * 0.7, g.ny() * 0.3, kc + dk, 9.3, 37));
        }
        // a second, disjoint polygon and a hole inside the first on the middle slice (even-odd)
        free.add(TestMasks.wobblyCircle(s, g.nx() * 0.7 + 25, g.ny() * 0.3, kc, 4.1, 23));
        free.add(TestMasks.wobblyCircle(s, g.nx() * 0.7, g.ny() * 0.3, kc, 3.7, 19));
        return new ReadContent(List.of(TestMasks.traced("l1", "pNET", a, s), TestMasks.traced("l2", "pNET", b, s),
                new ReadContent.Lesion("l3", "Liver metastasis", free)));
    }

    static List<BitMask> rasterise(ReadContent c, ImageGrid g) {
        return c.lesions().stream().map(l -> RoiRasterizer.rasterize(l.contours(), g, null)).toList();
    }

    void roundTrip(SourceSeries s, String name) {
        ReadContent original = content(s);
        Dataset ds = RtStructWriter.write(original, s, info(), "DELINEO", RoiGenerationAlgorithm.MANUAL);
        Path file = InteropTestSupport.write(ds, tmp.resolve(name));
        RtStruct back = RtStructReader.read(DicomReader.read(file).dataset(), s);
        assertThat(back.notes()).isEmpty();
        assertThat(back.rois()).extracting(RtStruct.Roi::name).containsExactly("pNET 1", "pNET 2", "Liver metastasis");
        assertThat(back.rois()).extracting(RtStruct.Roi::generationAlgorithm).containsOnly("MANUAL");
        assertThat(back.rois().get(0).color()).containsExactly(RoiColors.of(0));
        List<BitMask> before = rasterise(original, s.grid());
        List<BitMask> after = rasterise(back.toReadContent(), s.grid());
        for (int n = 0; n < before.size(); n++) {
            assertThat(before.get(n).cardinality()).as("lesion %d is not empty", n).isGreaterThan(20);
            assertThat(after.get(n)).as("lesion %d survives the RTSTRUCT round trip voxel for voxel", n)
                    .isEqualTo(before.get(n));
            // every contour names the image of its slice
            for (ReadContent.Contour c : back.rois().get(n).contours()) {
                assertThat(s.sliceOf(c.sopInstanceUid())).isGreaterThanOrEqualTo(0);
            }
        }
        System.out.printf("RTSTRUCT round trip %s: voxels %d/%d/%d identical%n", name, before.get(0).cardinality(),
                before.get(1).cardinality(), before.get(2).cardinality());

        InteropTestSupport.Validation v = InteropTestSupport.dciodvfy(file);
        System.out.println("dciodvfy " + name + ": " + v.errors().size() + " errors, warnings " + v.warnings());
        assertThat(v.errors()).as("dciodvfy errors").isEmpty();
        String py = InteropTestSupport.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1])\n"
                + "print(d.Modality, len(d.StructureSetROISequence), sum(len(r.ContourSequence) for r in d.ROIContourSequence),"
                + " d.ROIContourSequence[2].ContourSequence[0].ContourImageSequence[0].ReferencedSOPInstanceUID)", file.toString());
        int contours = back.rois().stream().mapToInt(r -> r.contours().size()).sum();
        assertThat(py.trim()).isEqualTo("RTSTRUCT 3 " + contours + " "
                + back.rois().get(2).contours().get(0).sopInstanceUid());
    }

    @Test
    void demoCtRoundTripIsVoxelExact() {
        roundTrip(demo, "demo.dcm");
    }

    @Test
    void obliqueGridRoundTripIsVoxelExact() {
        double c = Math.cos(0.4), s = Math.sin(0.4);
        double[] row = {c, s * 0.6, s * 0.8};
        double[] col = {-s, c * 0.6, c * 0.8};
        double[] normal = {0, -0.8, 0.6};
        ImageGrid g = new ImageGrid(96, 80, 12, new double[]{-40.25, 13.5, 102.125}, row, col, normal, 0.7, 0.8, 2.5);
        roundTrip(SourceSeries.synthetic(g, "1.2.840.10008.5.1.4.1.1.4"), "oblique.dcm");
    }

    @Test
    void writtenHeaderRepeatsThePatientAndStudyOfTheSeries() {
        Dataset ds = RtStructWriter.write(content(demo), demo, info(), "DELINEO", RoiGenerationAlgorithm.MANUAL);
        Dataset ct = InteropTestSupport.headers(InteropTestSupport.demoCt()).get(0);
        for (int tag : new int[]{Tags.PatientName, Tags.PatientID, Tags.StudyInstanceUID, Tags.StudyDate}) {
            assertThat(ds.getString(tag)).isEqualTo(ct.getString(tag));
        }
        assertThat(ds.getString(Tags.FrameOfReferenceUID)).isEqualTo(ct.getString(Tags.FrameOfReferenceUID));
        assertThat(ds.getString(Tags.SeriesInstanceUID)).isEqualTo("2.25.1001");
        assertThat(ds.getString(RtTags.StructureSetLabel)).isEqualTo("DELINEO");
        assertThat(ds.getSequence(RtTags.RTROIObservationsSequence).get(0).getString(RtTags.ROIInterpreter))
                .isEqualTo("Reader^One");
        Dataset series = ds.getItem(RtTags.ReferencedFrameOfReferenceSequence).getItem(RtTags.RTReferencedStudySequence)
                .getItem(RtTags.RTReferencedSeriesSequence);
        assertThat(series.getSequence(RtTags.ContourImageSequence).size()).isEqualTo(79);
    }

    @Test
    void contourOffItsNamedImageIsRefused() {
        ReadContent.Contour c = TestMasks.wobblyCircle(demo, 200, 200, 10, 8, 12);
        ReadContent wrongImage = new ReadContent(List.of(new ReadContent.Lesion("x", "pNET",
                List.of(new ReadContent.Contour(demo.image(11).sopInstanceUid(), c.points())))));
        assertThatThrownBy(() -> RtStructWriter.write(wrongImage, demo, info(), "DELINEO", RoiGenerationAlgorithm.MANUAL))
                .isInstanceOf(InteropException.class).hasMessageContaining("(slice 11) but its points lie on slice 10");
        ReadContent foreign = new ReadContent(List.of(new ReadContent.Lesion("x", "pNET",
                List.of(new ReadContent.Contour("1.2.3.4", c.points())))));
        assertThatThrownBy(() -> RtStructWriter.write(foreign, demo, info(), "DELINEO", RoiGenerationAlgorithm.MANUAL))
                .isInstanceOf(InteropException.class).hasMessageContaining("not in series");
    }
}

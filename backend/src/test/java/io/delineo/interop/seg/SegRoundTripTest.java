package io.delineo.interop.seg;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.DerivedSeriesInfo;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.InteropTestSupport;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.common.TestMasks;
import io.delineo.interop.rtstruct.RoiColors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** masks → SEG → file → read gives identical masks; written files pass dciodvfy and decode identically in pydicom. */
class SegRoundTripTest {
    static SourceSeries demo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadDemo() {
        demo = InteropTestSupport.series(InteropTestSupport.demoCt());
    }

    static DerivedSeriesInfo info() {
        return new DerivedSeriesInfo("Reader 1 lesions", 902, "Reader^One", LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                "2.25.2001", "2.25.2002");
    }

    /** Two overlapping lesions (one hollow) and a consensus of odd size, on slices that start and end anywhere. */
    static List<SegmentSpec> segments(ImageGrid g) {
        int kc = g.nz() / 2;
        BitMask a = TestMasks.ellipsoid(g, g.nx() * 0.55, g.ny() * 0.5, kc, 13.3, 9.1, 3.4, 0.5);
        BitMask b = TestMasks.ellipsoid(g, g.nx() * 0.55 + 9, g.ny() * 0.5 + 3, kc + 1, 7.7, 6.2, 2.2, 0);
        BitMask c = TestMasks.ellipsoid(g, 2, g.ny() - 3, 1, 5, 4, 1.2, 0); // touches the grid edge
        return List.of(SegmentSpec.manualLesion("pNET", a, RoiColors.of(0)),
                SegmentSpec.manualLesion("pNET satellite", b, RoiColors.of(1)),
                SegmentSpec.consensusLesion("Consensus", c, "Delineo STAPLE", RoiColors.of(2)));
    }

    void roundTrip(SourceSeries s, String name) {
        List<SegmentSpec> specs = segments(s.grid());
        Dataset ds = SegWriter.write(specs, s, info());
        Path file = InteropTestSupport.write(ds, tmp.resolve(name));
        DicomFile read = DicomReader.read(file);
        Segmentation seg = SegReader.read(read, s);
        assertThat(seg.notes()).isEmpty();
        assertThat(seg.segments()).extracting(Segmentation.Segment::label)
                .containsExactly("pNET", "pNET satellite", "Consensus");
        assertThat(seg.segments()).extracting(Segmentation.Segment::algorithmType)
                .containsExactly("MANUAL", "MANUAL", "SEMIAUTOMATIC");
        assertThat(seg.segment(1).category()).isEqualTo(SegCodes.MORPHOLOGICALLY_ABNORMAL_STRUCTURE);
        assertThat(seg.segment(1).type()).isEqualTo(SegCodes.NEOPLASM);
        long frames = 0;
        for (int n = 0; n < specs.size(); n++) {
            BitMask original = specs.get(n).mask();
            assertThat(seg.segments().get(n).mask()).as("segment %d", n + 1).isEqualTo(original);
            for (long count : original.sliceCounts()) if (count > 0) frames++;
        }
        assertThat(specs.get(0).mask().andCount(specs.get(1).mask())).as("test segments overlap").isGreaterThan(0);
        assertThat(read.dataset().getString(SegTags.SegmentsOverlap)).isEqualTo("YES");
        assertThat(read.dataset().getInt(Tags.NumberOfFrames, 0)).isEqualTo((int) frames);
        System.out.printf("SEG round trip %s: %d frames, voxels %d/%d/%d identical%n", name, frames,
                specs.get(0).mask().cardinality(), specs.get(1).mask().cardinality(), specs.get(2).mask().cardinality());

        InteropTestSupport.Validation v = InteropTestSupport.dciodvfy(file);
        System.out.println("dciodvfy " + name + ": " + v.errors().size() + " errors, warnings " + v.warnings());
        assertThat(v.errors()).as("dciodvfy errors").isEmpty();
        // pydicom unpacks the bits on its own: per-segment voxel counts and the slice of each frame must agree
        String py = InteropTestSupport.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1])\n"
                + "a = d.pixel_array.reshape((int(d.NumberOfFrames), d.Rows, d.Columns))\n"
                + "c = {}\n"
                + "for f, fg in enumerate(d.PerFrameFunctionalGroupsSequence):\n"
                + "    s = int(fg.SegmentIdentificationSequence[0].ReferencedSegmentNumber)\n"
                + "    c[s] = c.get(s, 0) + int(a[f].sum())\n"
                + "print(' '.join(str(c[s]) for s in sorted(c)))", file.toString());
        assertThat(py.trim()).isEqualTo(specs.get(0).mask().cardinality() + " " + specs.get(1).mask().cardinality() + " "
                + specs.get(2).mask().cardinality());
    }

    @Test
    void demoCtRoundTripIsIdentical() {
        roundTrip(demo, "demo-seg.dcm");
    }

    @Test
    void obliqueOddSizedGridRoundTripIsIdentical() {
        double c = Math.cos(0.4), s = Math.sin(0.4);
        ImageGrid g = new ImageGrid(45, 37, 9, new double[]{-40.25, 13.5, 102.125}, new double[]{c, s * 0.6, s * 0.8},
                new double[]{-s, c * 0.6, c * 0.8}, new double[]{0, -0.8, 0.6}, 0.7, 0.8, 2.5);
        roundTrip(SourceSeries.synthetic(g, "1.2.840.10008.5.1.4.1.1.4"), "oblique-seg.dcm");
    }

    @Test
    void framesAreOnlyWrittenForSlicesWithVoxelsAndNameTheirSourceImage() {
        BitMask m = new BitMask(demo.grid());
        m.set(10, 20, 5);
        m.set(11, 20, 7);
        Dataset ds = SegWriter.write(List.of(SegmentSpec.manualLesion("dot", m, null)), demo, info());
        assertThat(ds.getInt(Tags.NumberOfFrames, 0)).isEqualTo(2);
        var perFrame = ds.getSequence(Tags.PerFrameFunctionalGroupsSequence);
        assertThat(perFrame.get(1).getItem(SegTags.DerivationImageSequence).getItem(SegTags.SourceImageSequence)
                .getString(Tags.ReferencedSOPInstanceUID)).isEqualTo(demo.image(7).sopInstanceUid());
        assertThat(perFrame.get(1).getItem(SegTags.FrameContentSequence).getInts(SegTags.DimensionIndexValues))
                .containsExactly(1, 8);
        assertThat(ds.getString(io.delineo.interop.common.DicomTags.ContentCreatorName)).isEqualTo("Reader^One");
        // bit 0 of frame 0 is voxel (0,0): voxel (10,20) of frame 0 is bit 20*512+10, LSB first
        byte[] px = ds.getBytes(Tags.PixelData);
        int bit = 20 * 512 + 10;
        assertThat(px[bit >> 3] & 0xff).isEqualTo(1 << (bit & 7));
        int bit2 = 512 * 512 + 20 * 512 + 11;
        assertThat(px[bit2 >> 3] & 0xff).isEqualTo(1 << (bit2 & 7));
    }

    @Test
    void wrongGridAndEmptyMasksAreRefused() {
        BitMask other = new BitMask(ImageGrid.axial(10, 10, 3, 1, 1, 1));
        other.set(0);
        assertThatThrownBy(() -> SegWriter.write(List.of(SegmentSpec.manualLesion("x", other, null)), demo, info()))
                .isInstanceOf(InteropException.class).hasMessageContaining("not on the source series grid");
        assertThatThrownBy(() -> SegWriter.write(List.of(SegmentSpec.manualLesion("x", new BitMask(demo.grid()), null)),
                demo, info())).isInstanceOf(InteropException.class).hasMessageContaining("all segments are empty");
        assertThatThrownBy(() -> new SegmentSpec("x", other, SegmentAlgorithmType.SEMIAUTOMATIC, null,
                SegCodes.MORPHOLOGICALLY_ABNORMAL_STRUCTURE, SegCodes.NEOPLASM, null))
                .hasMessageContaining("needs an algorithm name");
    }

    /** The codes we write are in the PS3.16 context groups the Segmentation IOD names (pydicom 2.3.1's PS3.16 tables). */
    @Test
    void codesAreThoseOfPs316() {
        String py = InteropTestSupport.pydicom("from pydicom.sr._concepts_dict import concepts as c\n"
                + "def find(scheme, value):\n"
                + "    for name, codes in c[scheme].items():\n"
                + "        if value in codes: return codes[value]\n"
                + "for s, v in [('SCT','49755003'),('SCT','108369006'),('DCM','121322'),('DCM','113076'),('DCM','113100'),('DCM','113105'),('DCM','113106')]:\n"
                + "    m, cids = find(s, v)\n"
                + "    print(v + '|' + m + '|' + ','.join(str(x) for x in sorted(cids)))");
        assertThat(py.lines().toList()).contains(
                "49755003|Morphologically Abnormal Structure|1000,3487,4266,7150",
                "108369006|Neoplasm|7151,7159,7194",
                "121322|Source image for image processing operation|4264,7202,7222",
                "113076|Segmentation|7203",
                "113100|Basic Application Confidentiality Profile|7050",
                "113105|Clean Descriptors Option|7050",
                "113106|Retain Longitudinal Temporal Information Full Dates Option|7050");
        var options = io.delineo.interop.deid.ProfileOption.values();
        String meanings = InteropTestSupport.pydicom("from pydicom.sr._concepts_dict import concepts as c\n"
                + "import sys\nfor v in sys.argv[1:]:\n"
                + "    print([m for n in c['DCM'].values() for k, m in n.items() if k == v][0][0])",
                java.util.Arrays.stream(options).map(o -> o.code().value()).toArray(String[]::new));
        assertThat(meanings.lines().toList())
                .containsExactlyElementsOf(java.util.Arrays.stream(options).map(o -> o.code().meaning()).toList());
        assertThat(SegCodes.MORPHOLOGICALLY_ABNORMAL_STRUCTURE.meaning()).isEqualTo("Morphologically Abnormal Structure");
        assertThat(SegCodes.NEOPLASM.meaning()).isEqualTo("Neoplasm");
    }
}

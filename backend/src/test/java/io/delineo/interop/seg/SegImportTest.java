package io.delineo.interop.seg;

import io.delineo.dicom.DicomFile;
import io.delineo.dicom.io.DicomReader;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.InteropTestSupport;
import io.delineo.interop.common.NrrdLabelReader;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.common.UnsupportedObjectException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports of segmentations written by dcmqi and highdicom. Oracles: dcmqi's NRRD label maps (the inputs its SEGs
 * were made from) voxel by voxel, and per (segment, source image) voxel counts decoded by pydicom
 * ({@code seg-goldens.tsv}, made by {@code make_seg_goldens.py}).
 */
class SegImportTest {

    static Segmentation read(String seg, SourceSeries series) {
        return SegReader.read(DicomReader.read(InteropTestSupport.resource(seg)), series);
    }

    /** The voxels of an NRRD label map holding {@code label}, on the series grid (which it must equal). */
    static BitMask nrrdMask(String file, int label, ImageGrid grid) throws IOException {
        NrrdLabelReader.LabelVolume v = NrrdLabelReader.read(InteropTestSupport.resource(file));
        assertThat(v.grid().sameGeometry(grid, 1e-3)).as("%s grid %s equals series grid %s", file, v.grid(), grid).isTrue();
        BitMask m = new BitMask(grid);
        for (int n = 0; n < v.labels().length; n++) if (label < 0 ? v.labels()[n] > 0 : v.labels()[n] == label) m.set(n);
        return m;
    }

    /** Per-segment, per-source-image voxel counts of our import, against pydicom's. */
    static void assertMatchesGoldens(String file, Segmentation seg, SourceSeries series) throws IOException {
        Map<String, Long> golden = new TreeMap<>();
        for (String line : Files.readAllLines(InteropTestSupport.resource("seg-goldens.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (line.startsWith("#") || !f[0].equals(file)) continue;
            if (Long.parseLong(f[4]) > 0) golden.put(f[1] + " " + f[3], Long.parseLong(f[4]));
        }
        assertThat(golden).as("goldens for " + file).isNotEmpty();
        Map<String, Long> ours = new TreeMap<>();
        for (Segmentation.Segment s : seg.segments()) {
            long[] counts = s.mask().sliceCounts();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) ours.put(s.number() + " " + series.image(k).sopInstanceUid(), counts[k]);
            }
        }
        assertThat(ours).as(file + ": voxels per segment and source image, ours vs pydicom").isEqualTo(golden);
    }

    static String summary(String file, Segmentation seg) {
        StringBuilder sb = new StringBuilder("imported " + file + " (" + seg.segmentationType() + "):");
        for (Segmentation.Segment s : seg.segments()) sb.append(" ").append(s.number()).append(" '").append(s.label())
                .append("' ").append(s.mask().cardinality()).append(" voxels;");
        if (!seg.notes().isEmpty()) sb.append(" notes ").append(seg.notes());
        return sb.toString();
    }

    @Test
    void dcmqiLiverEqualsItsNrrd() throws IOException {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("dcmqi/ct-3slice"));
        Segmentation seg = read("dcmqi/liver.dcm", ct);
        System.out.println(summary("dcmqi/liver.dcm", seg));
        assertThat(seg.segments()).hasSize(1);
        assertThat(seg.segment(1).mask()).isEqualTo(nrrdMask("dcmqi/liver_seg.nrrd", -1, ct.grid()));
        assertThat(seg.segment(1).mask().cardinality()).isEqualTo(35220 + 35645 + 36233);
        assertMatchesGoldens("dcmqi/liver.dcm", seg, ct);
    }

    /** Five overlapping segments; each must equal exactly one label of one of the three NRRD inputs. */
    @Test
    void dcmqiPartialOverlapsEqualTheirNrrds() throws IOException {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("dcmqi/ct-3slice"));
        Segmentation seg = read("dcmqi/partial_overlaps.dcm", ct);
        System.out.println(summary("dcmqi/partial_overlaps.dcm", seg));
        assertThat(seg.segments()).hasSize(5);
        Map<String, BitMask> nrrdLabels = new LinkedHashMap<>();
        for (int file = 1; file <= 3; file++) {
            String name = "dcmqi/partial_overlaps-" + file + ".nrrd";
            NrrdLabelReader.LabelVolume v = NrrdLabelReader.read(InteropTestSupport.resource(name));
            for (int label : java.util.Arrays.stream(v.labels()).filter(l -> l > 0).distinct().toArray()) {
                nrrdLabels.put(name + " label " + label, nrrdMask(name, label, ct.grid()));
            }
        }
        assertThat(nrrdLabels).hasSize(5);
        List<String> matched = new ArrayList<>();
        for (Segmentation.Segment s : seg.segments()) {
            String match = nrrdLabels.entrySet().stream().filter(e -> e.getValue().equals(s.mask())).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError("segment " + s.label() + " equals no NRRD label"));
            matched.add(match);
        }
        assertThat(matched).doesNotHaveDuplicates();
        long overlapping = seg.segment(1).mask().andCount(seg.segment(2).mask()) + seg.segment(3).mask().andCount(seg.segment(4).mask());
        System.out.println("partial_overlaps: segments matched to " + matched + "; overlap voxels (1∩2)+(3∩4) " + overlapping);
        assertMatchesGoldens("dcmqi/partial_overlaps.dcm", seg, ct);
    }

    /** dcmqi's odd/even frame width pair: bits of frames are packed back to back, not padded per frame. */
    @Test
    void dcmqiOddAndEvenWidthSegsEqualTheirNrrds() throws IOException {
        for (String size : new String[]{"23x38x3", "24x38x3"}) {
            SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("dcmqi/" + size + "/image"));
            Segmentation seg = read("dcmqi/" + size + "/seg/label.seg", ct);
            System.out.println(summary("dcmqi/" + size + "/seg/label.seg", seg));
            assertThat(seg.segment(1).mask()).isEqualTo(nrrdMask("dcmqi/" + size + "/nrrd/label.nrrd", -1, ct.grid()));
            assertMatchesGoldens("dcmqi/" + size + "/seg/label.seg", seg, ct);
        }
    }

    /** The new Label Map Segmentation Storage (pixel value = segment number), with and without a padding value. */
    @Test
    void dcmqiLabelMapSegsEqualTheirNrrds() throws IOException {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("dcmqi/24x38x3/image"));
        for (String variant : new String[]{"ppv5", "noppv"}) {
            Segmentation seg = read("dcmqi/sparse-labelmap-" + variant + ".dcm", ct);
            System.out.println(summary("dcmqi/sparse-labelmap-" + variant + ".dcm", seg));
            assertThat(seg.segmentationType()).isEqualTo("LABELMAP");
            assertThat(seg.segments()).extracting(Segmentation.Segment::label).containsExactly("Liver");
            assertThat(seg.segment(1).mask())
                    .isEqualTo(nrrdMask("dcmqi/sparse_labelmap_" + variant + "_seg.nrrd", 1, ct.grid()));
            assertMatchesGoldens("dcmqi/sparse-labelmap-" + variant + ".dcm", seg, ct);
        }
    }

    /**
     * pydicom's CT2 folder is slices .93, .94, .95, .96 with a 203 mm gap after .93: not one regular volume. The
     * SEGs on .94-.96 import on those three slices; the "overlap" SEG also has frames on .93 and is refused.
     */
    @Test
    void highdicomSegsMatchPydicom() throws IOException {
        Path folder = InteropTestSupport.pydicomTestFile("dicomdirtests/77654033/CT2");
        assertThatThrownBy(() -> InteropTestSupport.series(folder)).hasMessageContaining("missing slices: a gap of 203 mm");
        List<io.delineo.dicom.Dataset> headers = InteropTestSupport.headers(folder);
        SourceSeries ct = SourceSeries.of(headers.subList(1, 4));
        for (String name : new String[]{"seg_image_ct_binary", "seg_image_ct_binary_fractional",
                "seg_image_ct_true_fractional"}) {
            String file = "highdicom/" + name + ".dcm";
            Segmentation seg = read(file, ct);
            System.out.println(summary(file, seg));
            assertMatchesGoldens(file, seg, ct);
        }
        // FRACTIONAL with a binary-valued map: a high threshold gives the same mask as the BINARY file
        Segmentation binary = read("highdicom/seg_image_ct_binary.dcm", ct);
        Segmentation fractional = SegReader.read(DicomReader.read(
                InteropTestSupport.resource("highdicom/seg_image_ct_binary_fractional.dcm")), ct, 0.99);
        assertThat(fractional.segment(1).mask()).isEqualTo(binary.segment(1).mask());
        assertThatThrownBy(() -> read("highdicom/seg_image_ct_binary_overlap.dcm", ct))
                .isInstanceOf(UnsupportedObjectException.class).hasMessageContaining("lies on no slice of the series");
    }

    @Test
    void highdicomSingleFrameSeg() throws IOException {
        SourceSeries ct = SourceSeries.of(List.of(DicomReader.read(InteropTestSupport.resource("highdicom/ct_image.dcm")).dataset()));
        Segmentation seg = read("highdicom/seg_image_ct_binary_single_frame.dcm", ct);
        System.out.println(summary("highdicom/seg_image_ct_binary_single_frame.dcm", seg));
        assertMatchesGoldens("highdicom/seg_image_ct_binary_single_frame.dcm", seg, ct);
    }

    @Test
    void segmentationOfAnotherSeriesIsRefusedWithTheReason() {
        SourceSeries demo = InteropTestSupport.series(InteropTestSupport.demoCt());
        assertThatThrownBy(() -> read("dcmqi/liver.dcm", demo)).isInstanceOf(UnsupportedObjectException.class)
                .hasMessageContaining("Frame of Reference UID");
        SourceSeries small = InteropTestSupport.series(InteropTestSupport.resource("dcmqi/24x38x3/image"));
        DicomFile other = DicomReader.read(InteropTestSupport.resource("dcmqi/23x38x3/seg/label.seg"));
        other.dataset().remove(io.delineo.dicom.Tags.FrameOfReferenceUID);
        assertThatThrownBy(() -> SegReader.read(other, small)).isInstanceOf(UnsupportedObjectException.class)
                .hasMessageContaining("frames are 38x23 (rows x columns) but the series images are 38x24");
        DicomFile notSeg = DicomReader.read(InteropTestSupport.resource("dcmqi/24x38x3/image/IMG0001.dcm"));
        assertThatThrownBy(() -> SegReader.read(notSeg, small)).isInstanceOf(UnsupportedObjectException.class)
                .hasMessageContaining("not a segmentation");
    }

    @Test
    void framesOffTheSeriesSlicesAreRefused() {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("dcmqi/24x38x3/image"));
        DicomFile f = DicomReader.read(InteropTestSupport.resource("dcmqi/24x38x3/seg/label.seg"));
        var position = f.dataset().getSequence(io.delineo.dicom.Tags.PerFrameFunctionalGroupsSequence).get(0)
                .getItem(SegTags.PlanePositionSequence);
        double[] ipp = position.getDoubles(io.delineo.dicom.Tags.ImagePositionPatient);
        position.setDouble(io.delineo.dicom.Tags.ImagePositionPatient, ipp[0], ipp[1], ipp[2] + 1.0);
        assertThatThrownBy(() -> SegReader.read(f, ct)).isInstanceOf(UnsupportedObjectException.class)
                .hasMessageContaining("frame 1").hasMessageContaining("lies on no slice of the series");
        position.setDouble(io.delineo.dicom.Tags.ImagePositionPatient, ipp[0] + 3.5, ipp[1], ipp[2]);
        assertThatThrownBy(() -> SegReader.read(f, ct)).hasMessageContaining("shifted 3.500 mm in-plane");
    }
}

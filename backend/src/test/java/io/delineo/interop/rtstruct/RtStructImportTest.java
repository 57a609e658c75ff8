package io.delineo.interop.rtstruct;

import io.delineo.contour.ReadContent;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.io.DicomReader;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.InteropTestSupport;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.nifti.NiftiImage;
import io.delineo.interop.nifti.NiftiReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports of RTSTRUCTs written by other systems (MIM via TCIA, MIRP for IBSI, pydicom's test file). */
class RtStructImportTest {

    @Test
    void pancreaticCtStructureSetFromMim() {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.demoCt());
        Dataset ds = DicomReader.read(InteropTestSupport.resource("pancreatic-ct-rtstruct/rtstruct.dcm")).dataset();
        RtStruct rs = RtStructReader.read(ds, ct);
        assertThat(rs.rois()).extracting(RtStruct.Roi::name)
                .containsExactly("Bowel_sm_planCT", "LUNG_L", "LUNG_R", "ROI", "Stomach_duo_planCT");
        assertThat(rs.rois().stream().mapToInt(r -> r.contours().size()).sum()).isEqualTo(296);
        // the shipped CT lacks slices some small-bowel contours were drawn on: reported, not hidden
        long outside = rs.notes().stream().filter(n -> n.contains("not in the given series")).count();
        assertThat(rs.notes()).allMatch(n -> n.startsWith("ROI 'Bowel_sm_planCT'"));
        System.out.println("pancreatic RTSTRUCT: " + outside + " contours reference images outside the shipped CT");
        assertThat(outside).isGreaterThan(0);
        StringBuilder table = new StringBuilder("pancreatic RTSTRUCT voxels (demo CT grid):");
        for (RtStruct.Roi roi : rs.rois()) {
            List<String> notes = new ArrayList<>();
            BitMask m = RoiRasterizer.rasterize(roi.contours(), ct.grid(), notes);
            table.append(String.format(" %s=%d (%.1f mL, %d contours left out)", roi.name(), m.cardinality(),
                    m.volumeMl(), notes.size()));
            assertThat(m.cardinality()).as(roi.name()).isGreaterThan(100);
        }
        System.out.println(table);
    }

    /**
     * The IBSI STS_001 GTV: our rasterisation of its RTSTRUCT against the voxel mask MIRP (the IBSI organisers'
     * tool) made from the same RTSTRUCT, on the same CT grid. They agree voxel for voxel: MIRP, like
     * {@code PolygonRasterizer}, includes a voxel when its centre lies inside the slice's contours (even–odd), and no
     * voxel centre of this GTV falls on a contour edge, where the two tie-breaking conventions could differ.
     */
    @Test
    void ibsiSts001GtvAgreesWithTheProvidedNiftiMask() throws Exception {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("ibsi-sts001/ct-headers"));
        RtStruct rs = RtStructReader.read(DicomReader.read(InteropTestSupport.resource("ibsi-sts001/RS.dcm")).dataset(), ct);
        // MIRP re-exported the cropped CT with new SOP Instance UIDs but kept the old ones in the RTSTRUCT
        assertThat(rs.notes()).hasSize(32).allMatch(n -> n.contains("not in the given series; matched by position"));
        RtStruct.Roi gtv = rs.roi("GTV_Mass_CT");
        assertThat(gtv.contours()).hasSize(32);
        BitMask ours = RoiRasterizer.rasterize(gtv.contours(), ct.grid(), null);
        BitMask theirs = niftiMask(InteropTestSupport.resource("ibsi-sts001/CT_mask.nii.gz"), ct.grid());
        report("IBSI STS_001 GTV vs MIRP NIfTI mask", ours, theirs);
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.cardinality()).isEqualTo(117145);
    }

    /**
     * plastimatch (an independent rasteriser, run here) on the MIM structure set of the demo CT: the same voxels up
     * to a few dozen on ROI boundaries per structure (its own tie-breaking for centres on edges). Disagreements must
     * all be boundary voxels.
     */
    @Test
    void pancreaticStructureSetAgreesWithPlastimatch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/plastimatch"))) {
            throw new AssertionError("required test oracle missing: plastimatch (Debian package plastimatch)");
        }
        java.nio.file.Path rtstruct = InteropTestSupport.resource("pancreatic-ct-rtstruct/rtstruct.dcm");
        Process p = new ProcessBuilder("/usr/bin/plastimatch", "convert", "--input", rtstruct.toString(),
                "--referenced-ct", InteropTestSupport.demoCt().toAbsolutePath().toString(), "--output-prefix",
                tmp.resolve("plm").toString(), "--prefix-format", "nii.gz").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.demoCt());
        RtStruct rs = RtStructReader.read(DicomReader.read(rtstruct).dataset(), ct);
        for (RtStruct.Roi roi : rs.rois()) {
            BitMask ours = RoiRasterizer.rasterize(roi.contours(), ct.grid(), new ArrayList<>());
            BitMask theirs = niftiMask(tmp.resolve("plm").resolve(roi.name() + ".nii.gz"), ct.grid());
            double dice = report("pancreatic " + roi.name() + " vs plastimatch", ours, theirs);
            assertThat(dice).isGreaterThan(0.999);
            assertOnlyBoundaryDiffers(ours, theirs);
        }
    }

    static BitMask niftiMask(java.nio.file.Path file, ImageGrid grid) throws java.io.IOException {
        NiftiImage nifti = NiftiReader.read(file);
        ImageGrid ng = nifti.volume().grid();
        assertThat(ng.sameGeometry(grid, 1e-3)).as("NIfTI mask grid %s equals CT grid %s", ng, grid).isTrue();
        BitMask m = new BitMask(grid);
        float[] v = nifti.volume().data();
        for (int n = 0; n < v.length; n++) if (v[n] > 0.5f) m.set(n);
        return m;
    }

    static double report(String what, BitMask ours, BitMask theirs) {
        long both = ours.andCount(theirs);
        double dice = 2.0 * both / (ours.cardinality() + theirs.cardinality());
        System.out.printf("%s: ours %d voxels, theirs %d, both %d, only ours %d, only theirs %d, Dice %.6f%n", what,
                ours.cardinality(), theirs.cardinality(), both, ours.andNotCount(theirs), theirs.andNotCount(ours), dice);
        return dice;
    }

    /** Every voxel in one mask only has a 4-neighbour in-plane outside the other mask or outside the grid. */
    static void assertOnlyBoundaryDiffers(BitMask a, BitMask b) {
        ImageGrid g = a.grid();
        BitMask inBoth = a.and(b);
        BitMask diff = a.or(b).andNot(inBoth);
        for (int n = diff.nextSetBit(0); n >= 0; n = diff.nextSetBit(n + 1)) {
            int i = n % g.nx(), j = (n / g.nx()) % g.ny(), k = n / g.sliceSize();
            boolean boundary = i == 0 || j == 0 || i == g.nx() - 1 || j == g.ny() - 1 || !inBoth.get(i - 1, j, k)
                    || !inBoth.get(i + 1, j, k) || !inBoth.get(i, j - 1, k) || !inBoth.get(i, j + 1, k);
            assertThat(boundary).as("voxel (%d, %d, %d) differs but is not on a boundary", i, j, k).isTrue();
        }
    }

    @Test
    void pydicomTestFileWithPointContoursAndNoImageReferences() {
        Dataset ds = DicomReader.read(InteropTestSupport.pydicomTestFile("rtstruct.dcm")).dataset();
        RtStruct rs = RtStructReader.read(ds, null);
        assertThat(rs.rois()).extracting(RtStruct.Roi::name).containsExactly("patient", "Isocenter 1", "Isocenter 2");
        assertThat(rs.notes()).anyMatch(n -> n.contains("Isocenter 1") && n.contains("POINT ignored"));
        assertThat(rs.roi("patient").contours()).isNotEmpty();
        ReadContent content = rs.toReadContent();
        assertThat(content.lesions()).hasSize(3);
    }

    @Test
    void contoursWithoutImageReferencesAreMatchedByPosition() {
        SourceSeries ct = InteropTestSupport.series(InteropTestSupport.resource("ibsi-sts001/ct-headers"));
        Dataset ds = DicomReader.read(InteropTestSupport.resource("ibsi-sts001/RS.dcm")).dataset();
        List<String> byPlane = new ArrayList<>();
        for (ReadContent.Contour c : RtStructReader.read(ds, ct).rois().get(0).contours()) byPlane.add(c.sopInstanceUid());
        Sequence contours = ds.getSequence(RtTags.ROIContourSequence).get(0).getSequence(RtTags.ContourSequence);
        for (Dataset c : contours) c.remove(RtTags.ContourImageSequence);
        RtStruct matched = RtStructReader.read(ds, ct);
        assertThat(matched.notes()).hasSize(32).allMatch(n -> n.contains("has no Contour Image Sequence; matched by position"));
        assertThat(matched.rois().get(0).contours()).extracting(ReadContent.Contour::sopInstanceUid)
                .containsExactlyElementsOf(byPlane).doesNotContainNull();
    }

    @Test
    void notAStructureSetIsRefused() {
        Dataset ct = InteropTestSupport.headers(InteropTestSupport.resource("ibsi-sts001/ct-headers")).get(0);
        assertThatThrownBy(() -> RtStructReader.read(ct, null)).isInstanceOf(InteropException.class)
                .hasMessageContaining("not an RT Structure Set");
    }
}

package io.delineo.interop.nifti;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Exports lesion masks as a NIfTI-1 label map on the series grid (voxel value k = lesion with label k, 0 =
 * background; uint8 when every label fits, else int16) with the affine of the grid (DICOM LPS turned into NIfTI RAS
 * by negating x and y; sform and qform both set, see {@link NiftiWriter}), and a CSV of lesion volumes
 * ({@code label,name,voxels,volume_ml}). A label map holds one label per voxel, so overlapping lesions are refused.
 */
public final class LabelMapWriter {
    public static final String CSV_HEADER = "label,name,voxels,volume_ml";

    private LabelMapWriter() {
    }

    /** Writes the label map ({@code .nii} or {@code .nii.gz}) and, when {@code csv} is not null, the volume table. */
    public static void write(List<LabeledMask> masks, Path nifti, Path csv) throws IOException {
        if (masks == null || masks.isEmpty() || nifti == null) {
            throw new IllegalArgumentException("at least one mask and an output path are required");
        }
        ImageGrid grid = masks.get(0).mask().grid();
        Set<Integer> labels = new HashSet<>();
        int maxLabel = 0;
        for (LabeledMask m : masks) {
            if (!m.mask().grid().sameGeometry(grid, BitMask.SAME_GRID_TOLERANCE_MM)) {
                throw new IllegalArgumentException("label " + m.label() + " is on another grid than label "
                        + masks.get(0).label() + "; a label map needs one grid");
            }
            if (!labels.add(m.label())) throw new IllegalArgumentException("label " + m.label() + " is used twice");
            maxLabel = Math.max(maxLabel, m.label());
        }
        for (int a = 0; a < masks.size(); a++) {
            for (int b = a + 1; b < masks.size(); b++) {
                long both = masks.get(a).mask().andCount(masks.get(b).mask());
                if (both > 0) {
                    throw new IllegalArgumentException("lesions " + masks.get(a).label() + " ('" + masks.get(a).name()
                            + "') and " + masks.get(b).label() + " ('" + masks.get(b).name() + "') overlap in " + both
                            + " voxels; a label map holds one label per voxel (export overlapping lesions as DICOM SEG)");
                }
            }
        }
        float[] data = new float[grid.size()];
        for (LabeledMask m : masks) {
            BitMask mask = m.mask();
            for (int n = mask.nextSetBit(0); n >= 0; n = mask.nextSetBit(n + 1)) data[n] = m.label();
        }
        NiftiWriter.write(new Volume(grid, data), maxLabel <= 255 ? NiftiDatatype.UINT8 : NiftiDatatype.INT16, nifti);
        if (csv != null) writeCsv(masks, csv);
    }

    static void writeCsv(List<LabeledMask> masks, Path csv) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER + "\n");
            for (LabeledMask m : masks) {
                w.write(String.format(Locale.ROOT, "%d,%s,%d,%.4f%n", m.label(), csvField(m.name()),
                        m.mask().cardinality(), m.mask().volumeMl()));
            }
        }
    }

    /** RFC 4180 quoting when the name holds a comma, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

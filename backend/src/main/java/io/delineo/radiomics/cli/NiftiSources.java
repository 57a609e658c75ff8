package io.delineo.radiomics.cli;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import io.delineo.interop.nifti.NiftiReader;
import io.delineo.radiomics.RoiMask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * NIfTI inputs of the command line (DICOM series folders, RTSTRUCT and SEG masks are read by {@link DicomSources}).
 */
public final class NiftiSources {
    private NiftiSources() { }

    public static ImageSource image(Path path) {
        refuseDicom(path, "image");
        return new ImageSource() {
            @Override public Volume load() throws IOException { return NiftiReader.read(path).volume(); }

            @Override public String describe() { return "NIfTI image " + path; }
        };
    }

    public static MaskSource mask(Path path) {
        refuseDicom(path, "mask");
        return new MaskSource() {
            @Override
            public RoiMask load(ImageGrid imageGrid, String roi) throws IOException {
                Volume m = NiftiReader.read(path).volume();
                if (!m.grid().sameGeometry(imageGrid, 1e-3)) {
                    throw new IllegalArgumentException("the mask " + path + " is not on the image grid (mask "
                            + m.grid() + ", image " + imageGrid + ")");
                }
                float[] d = m.data();
                Float label = null;
                if (roi != null) {
                    try {
                        label = Float.parseFloat(roi);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--roi \"" + roi + "\": a NIfTI label image has no ROI names; "
                                + "give a label number (names need a DICOM RTSTRUCT or SEG)");
                    }
                }
                final Float wanted = label;
                RoiMask mask = RoiMask.fromPredicate(imageGrid, i -> wanted == null ? d[i] != 0 : d[i] == wanted);
                if (mask.voxelCount() == 0) {
                    throw new IllegalArgumentException("no voxels " + (wanted == null ? "are non-zero" : "have label " + roi)
                            + " in " + path);
                }
                return mask;
            }

            @Override public String describe() { return "NIfTI mask " + path; }
        };
    }

    /** Anything but a NIfTI file is refused here (DICOM inputs go through {@link DicomSources}). */
    private static void refuseDicom(Path path, String what) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".nii") || name.endsWith(".nii.gz"))) {
            throw new IllegalArgumentException("--" + what + " " + path + ": expected a NIfTI file (.nii, .nii.gz)"
                    + (what.equals("image") ? " or a folder with one DICOM series" : " or a DICOM RTSTRUCT / SEG"));
        }
    }
}

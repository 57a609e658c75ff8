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
 * Chooses the reader for a command-line path. NIfTI files are read; DICOM inputs (a folder of slices, an RTSTRUCT
 * or a SEG object) are recognised and refused with a clear message until the DICOM codec is wired in - adding
 * them means adding one {@link ImageSource}/{@link MaskSource} implementation each here.
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

    private static void refuseDicom(Path path, String what) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            throw new UnsupportedOperationException("--" + what + " " + path + " is a folder (a DICOM series?); DICOM "
                    + "input is not supported yet - convert to NIfTI (.nii/.nii.gz)");
        }
        if (name.endsWith(".dcm") || name.endsWith(".ima") || looksLikeDicom(path)) {
            throw new UnsupportedOperationException("--" + what + " " + path + " is a DICOM file (image, RTSTRUCT or "
                    + "SEG); DICOM input is not supported yet - convert to NIfTI (.nii/.nii.gz)");
        }
        if (!(name.endsWith(".nii") || name.endsWith(".nii.gz"))) {
            throw new IllegalArgumentException("--" + what + " " + path + ": expected a NIfTI file ending in .nii or .nii.gz");
        }
    }

    private static boolean looksLikeDicom(Path path) {
        try (var in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }
}

package io.delineo.radiomics.cli;

import io.delineo.imaging.Volume;
import io.delineo.radiomics.FeatureResult;
import io.delineo.radiomics.RadiomicsExtractor;
import io.delineo.radiomics.RoiMask;
import io.delineo.radiomics.settings.RadiomicsSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line for researchers:
 * <pre>
 * java -cp ... io.delineo.radiomics.cli.RadiomicsCli --image ct.nii.gz --mask roi.nii.gz [--roi LABEL]
 *      [--settings settings.json]
 * </pre>
 * Prints a CSV header and one row (IBSI codes as column names, then the settings hash and engine version).
 * Exit code 0 on success, 2 for bad arguments or input, 1 for unexpected failures.
 */
public final class RadiomicsCli {
    private RadiomicsCli() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String image = null, mask = null, roi = null, settings = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    out.println(usage());
                    return 0;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                switch (a) {
                    case "--image" -> image = args[++i];
                    case "--mask" -> mask = args[++i];
                    case "--roi" -> roi = args[++i];
                    case "--settings" -> settings = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (image == null || mask == null) throw new IllegalArgumentException("--image and --mask are required");
            RadiomicsSettings s = settings == null ? RadiomicsSettings.defaults()
                    : RadiomicsSettings.parse(Files.readString(Path.of(settings), StandardCharsets.UTF_8));
            Path imagePath = Path.of(image), maskPath = Path.of(mask);
            boolean dicomMask = DicomSources.isDicomFile(maskPath);
            if (dicomMask && !Files.isDirectory(imagePath)) {
                throw new UnsupportedOperationException("an RTSTRUCT or SEG mask needs its DICOM image series: give "
                        + "--image as the folder of that series");
            }
            DicomSources.Series series = Files.isDirectory(imagePath) ? DicomSources.series(imagePath) : null;
            Volume v = series != null ? series.volume() : NiftiSources.image(imagePath).load();
            RoiMask m = dicomMask ? DicomSources.mask(maskPath, series, roi)
                    : NiftiSources.mask(maskPath).load(v.grid(), roi);
            FeatureResult r = new RadiomicsExtractor().extract(v, m, s);
            out.println(r.csvHeader());
            out.println(r.csvRow());
            return 0;
        } catch (IllegalArgumentException | UnsupportedOperationException | IOException e) {
            err.println("radiomics: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (RuntimeException e) {
            err.println("radiomics: unexpected failure: " + e);
            return 1;
        }
    }

    static String usage() {
        return "usage: ./delineo radiomics --image <DICOM series folder | image.nii[.gz]> "
                + "--mask <RTSTRUCT.dcm | SEG.dcm | mask.nii[.gz]> [--roi NAME|LABEL] "
                + "[--settings settings.json]";
    }
}

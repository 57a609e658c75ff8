package io.delineo.archive;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.pixel.FrameCheck;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.dicom.pixel.PixelDescription;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks an object must pass before anything of it is written: the identifying UIDs, consistency of the file
 * meta with the data set, and pixel data that matches its description. Each refusal is one sentence a person can act on.
 */
public final class IngestValidator {
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private IngestValidator() {
    }

    /** Empty when the object may be stored, otherwise the reason it may not. */
    public static Optional<String> problem(DicomFile file) {
        Dataset ds = file.dataset();
        if (!TransferSyntax.isKnown(file.transferSyntax().uid())) {
            return Optional.of("unknown transfer syntax " + file.transferSyntax().uid()
                    + "; the archive stores only standard transfer syntaxes");
        }
        for (int[] req : new int[][]{{Tags.SOPInstanceUID}, {Tags.SOPClassUID}, {Tags.StudyInstanceUID},
                {Tags.SeriesInstanceUID}}) {
            String name = name(req[0]);
            String uid = ds.getString(req[0]);
            if (uid == null || uid.isBlank()) return Optional.of("missing " + name);
            Optional<String> bad = uidProblem(name, uid.trim());
            if (bad.isPresent()) return bad;
        }
        String sop = ds.getString(Tags.SOPInstanceUID).trim();
        String metaSop = file.fileMeta().getString(Tags.MediaStorageSOPInstanceUID);
        if (metaSop != null && !metaSop.isBlank() && !metaSop.trim().equals(sop)) {
            return Optional.of("file meta MediaStorageSOPInstanceUID " + metaSop.trim()
                    + " differs from the data set's SOPInstanceUID " + sop);
        }
        String cls = ds.getString(Tags.SOPClassUID).trim();
        String metaCls = file.fileMeta().getString(Tags.MediaStorageSOPClassUID);
        if (metaCls != null && !metaCls.isBlank() && !metaCls.trim().equals(cls)) {
            return Optional.of("file meta MediaStorageSOPClassUID " + metaCls.trim()
                    + " differs from the data set's SOPClassUID " + cls);
        }
        if (ds.getString(Tags.StudyInstanceUID).trim().equals(ds.getString(Tags.SeriesInstanceUID).trim())) {
            return Optional.of("StudyInstanceUID and SeriesInstanceUID are the same UID");
        }
        if (ds.contains(Tags.PixelData)) return pixelProblem(file);
        return Optional.empty();
    }

    static Optional<String> uidProblem(String name, String uid) {
        if (uid.length() > 64) return Optional.of(name + " is longer than 64 characters");
        if (!UID.matcher(uid).matches()) return Optional.of(name + " '" + uid + "' is not a valid UID");
        return Optional.empty();
    }

    private static Optional<String> pixelProblem(DicomFile file) {
        Dataset ds = file.dataset();
        PixelDescription d;
        try {
            d = PixelDescription.of(ds);
        } catch (RuntimeException e) {
            return Optional.of("pixel data cannot be described: " + e.getMessage());
        }
        if (d.rows() <= 0 || d.columns() <= 0) return Optional.of("pixel data without valid Rows/Columns");
        if (file.transferSyntax().encapsulated()) {
            if (ds.get(Tags.PixelData).fragments() == null) {
                return Optional.of("transfer syntax " + file.transferSyntax().name()
                        + " needs encapsulated pixel data, but the pixel data is native");
            }
            // every frame must be servable: refuse now rather than answer WADO frame requests with errors later
            try {
                return FrameCheck.problem(PixelData.of(file)).map(p -> "pixel data refused: " + p);
            } catch (RuntimeException e) {
                return Optional.of("pixel data refused: " + e.getMessage());
            }
        }
        byte[] bytes = ds.getBytes(Tags.PixelData);
        int frames = Math.max(1, ds.getInt(Tags.NumberOfFrames, 1));
        long needed = nativeFrameBytes(d, ds) * frames;
        if (bytes == null || bytes.length < needed) {
            return Optional.of("pixel data has " + (bytes == null ? 0 : bytes.length) + " bytes; " + d.rows() + "x"
                    + d.columns() + "x" + frames + " frames need " + needed);
        }
        return Optional.empty();
    }

    /** YBR_FULL_422 is stored subsampled: two samples per pixel on average instead of three. */
    private static long nativeFrameBytes(PixelDescription d, Dataset ds) {
        String photometric = ds.getString(Tags.PhotometricInterpretation);
        if (photometric != null && photometric.trim().equals("YBR_FULL_422")) {
            return (long) d.rows() * d.columns() * 2 * ((d.bitsAllocated() + 7) / 8);
        }
        return d.nativeFrameBytes();
    }

    private static String name(int tag) {
        return tag == Tags.SOPInstanceUID ? "SOPInstanceUID" : tag == Tags.SOPClassUID ? "SOPClassUID"
                : tag == Tags.StudyInstanceUID ? "StudyInstanceUID" : "SeriesInstanceUID";
    }
}

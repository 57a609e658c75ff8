package io.delineo.interop.common;

import io.delineo.archive.volume.SeriesVolumeBuilder;
import io.delineo.archive.volume.SliceInput;
import io.delineo.archive.volume.VolumeGeometryException;
import io.delineo.dicom.Attribute;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Tags;
import io.delineo.dicom.UidGenerator;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The image series a segmentation or structure set refers to: its grid (from {@link SeriesVolumeBuilder}), its images
 * in slice order ({@code k}), its identifying UIDs and the patient/study attributes a derived object must repeat.
 * Built from the images' headers ({@link #of(List)}) or, for synthetic geometry, from explicit values.
 */
public final class SourceSeries {
    /** One image of the series: what a derived object needs to reference it. */
    public record SourceImage(String sopClassUid, String sopInstanceUid) {
        public SourceImage {
            if (sopClassUid == null || sopClassUid.isEmpty() || sopInstanceUid == null || sopInstanceUid.isEmpty()) {
                throw new IllegalArgumentException("a source image needs its SOP Class and SOP Instance UIDs");
            }
        }
    }

    /** Patient and General Study module attributes copied from the source into derived objects. */
    static final int[] PATIENT_STUDY_TAGS = {Tags.PatientName, Tags.PatientID, DicomTags.IssuerOfPatientID,
            Tags.PatientBirthDate, Tags.PatientSex, DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod,
            DicomTags.DeidentificationMethodCodeSequence, Tags.StudyDate, Tags.StudyTime,
            Tags.ReferringPhysicianName, Tags.StudyID, Tags.AccessionNumber, Tags.StudyDescription};

    private final ImageGrid grid;
    private final List<SourceImage> images;
    private final Map<String, Integer> sliceOf = new HashMap<>();
    private final String studyInstanceUid;
    private final String seriesInstanceUid;
    private final String frameOfReferenceUid;
    private final Dataset patientStudy;

    /**
     * @param images       one per slice, in the grid's k order
     * @param patientStudy patient/study attributes to repeat (may be empty; a Specific Character Set in it applies)
     */
    public SourceSeries(ImageGrid grid, List<SourceImage> images, String studyInstanceUid, String seriesInstanceUid,
                        String frameOfReferenceUid, Dataset patientStudy) {
        if (grid == null || images == null) throw new IllegalArgumentException("grid and images are required");
        if (images.size() != grid.nz()) {
            throw new IllegalArgumentException("the series has " + images.size() + " images but its grid "
                    + grid.nz() + " slices");
        }
        requireUid("Study Instance UID", studyInstanceUid);
        requireUid("Series Instance UID", seriesInstanceUid);
        requireUid("Frame of Reference UID", frameOfReferenceUid);
        this.grid = grid;
        this.images = List.copyOf(images);
        for (int k = 0; k < this.images.size(); k++) {
            if (sliceOf.put(this.images.get(k).sopInstanceUid(), k) != null) {
                throw new IllegalArgumentException("SOP Instance UID " + this.images.get(k).sopInstanceUid()
                        + " occurs twice in the series");
            }
        }
        this.studyInstanceUid = studyInstanceUid;
        this.seriesInstanceUid = seriesInstanceUid;
        this.frameOfReferenceUid = frameOfReferenceUid;
        this.patientStudy = patientStudy == null ? new Dataset() : patientStudy.copy();
    }

    /** From the headers of every image of one series (pixel data is not needed). */
    public static SourceSeries of(List<Dataset> headers) {
        if (headers == null || headers.isEmpty()) throw new InteropException("the source series has no images");
        Dataset first = headers.get(0);
        String study = first.getString(Tags.StudyInstanceUID);
        String series = first.getString(Tags.SeriesInstanceUID);
        Map<String, Dataset> bySop = new HashMap<>();
        List<SliceInput> slices = new ArrayList<>();
        for (Dataset d : headers) {
            String sop = d.getString(Tags.SOPInstanceUID);
            if (sop == null) throw new InteropException("an image of the source series has no SOP Instance UID");
            if (!equal(study, d.getString(Tags.StudyInstanceUID)) || !equal(series, d.getString(Tags.SeriesInstanceUID))) {
                throw new InteropException("image " + sop + " belongs to study/series " + d.getString(Tags.StudyInstanceUID)
                        + " / " + d.getString(Tags.SeriesInstanceUID) + ", not " + study + " / " + series
                        + ": give the images of one series");
            }
            if (bySop.put(sop, d) != null) throw new InteropException("image " + sop + " is given twice");
            double[] ps = d.getDoubles(Tags.PixelSpacing);
            double[] ipp = d.getDoubles(Tags.ImagePositionPatient);
            double[] iop = d.getDoubles(Tags.ImageOrientationPatient);
            slices.add(new SliceInput(sop, d.getString(Tags.FrameOfReferenceUID), ipp.length == 3 ? ipp : null,
                    iop.length == 6 ? iop : null, ps.length == 2 ? ps : null, d.getDouble(Tags.SliceThickness),
                    d.getInt(Tags.Rows, 0), d.getInt(Tags.Columns, 0), () -> {
                        throw new IllegalStateException("pixels are not needed for the geometry");
                    }));
        }
        SeriesVolumeBuilder.Geometry geometry;
        try {
            geometry = SeriesVolumeBuilder.geometry(slices);
        } catch (VolumeGeometryException e) {
            throw new InteropException("the source series is not a regular volume: " + e.getMessage(), e);
        }
        List<SourceImage> images = new ArrayList<>();
        for (String sop : geometry.sopInstanceUids()) {
            String sopClass = bySop.get(sop).getString(Tags.SOPClassUID);
            if (sopClass == null) throw new InteropException("image " + sop + " has no SOP Class UID");
            images.add(new SourceImage(sopClass, sop));
        }
        if (geometry.frameOfReferenceUid() == null) {
            throw new InteropException("the source series has no Frame of Reference UID (0020,0052)");
        }
        Dataset patientStudy = new Dataset();
        Attribute charset = first.get(Tags.SpecificCharacterSet);
        if (charset != null) patientStudy.put(charset);
        for (int tag : PATIENT_STUDY_TAGS) {
            Attribute a = first.get(tag);
            if (a == null) continue;
            if (a.isSequence()) {
                var copy = patientStudy.newSequence(tag);
                for (Dataset item : a.sequence()) copy.addItem(item);
            } else {
                patientStudy.put(a);
            }
        }
        return new SourceSeries(geometry.grid(), images, study, series, geometry.frameOfReferenceUid(), patientStudy);
    }

    /** A synthetic series on {@code grid} (tests, phantoms): new UIDs, CT Image Storage, no patient attributes. */
    public static SourceSeries synthetic(ImageGrid grid, String sopClassUid) {
        List<SourceImage> images = new ArrayList<>();
        for (int k = 0; k < grid.nz(); k++) images.add(new SourceImage(sopClassUid, UidGenerator.newUid()));
        return new SourceSeries(grid, images, UidGenerator.newUid(), UidGenerator.newUid(), UidGenerator.newUid(), null);
    }

    public ImageGrid grid() { return grid; }

    public List<SourceImage> images() { return images; }

    public SourceImage image(int k) { return images.get(k); }

    /** Slice index of an image of this series, or -1 when the UID is not one of its images. */
    public int sliceOf(String sopInstanceUid) {
        Integer k = sliceOf.get(sopInstanceUid);
        return k == null ? -1 : k;
    }

    public String studyInstanceUid() { return studyInstanceUid; }

    public String seriesInstanceUid() { return seriesInstanceUid; }

    public String frameOfReferenceUid() { return frameOfReferenceUid; }

    /** A copy of the patient/study attributes to repeat in derived objects. */
    public Dataset patientStudy() { return patientStudy.copy(); }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void requireUid(String what, String uid) {
        if (!UidGenerator.isValid(uid)) throw new IllegalArgumentException(what + " '" + uid + "' is not a valid UID");
    }
}

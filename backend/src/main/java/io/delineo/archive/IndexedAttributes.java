package io.delineo.archive;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.Tags;

/**
 * What the index keeps of one instance, read from its data set. Pure: no database, so it is unit-tested on the
 * conformance files.
 */
public record IndexedAttributes(
        String patientId, String issuerOfPatientId, String patientName, String patientBirthDate, String patientSex,
        String studyInstanceUid, String studyDate, String studyTime, String accessionNumber, String studyId,
        String studyDescription, String referringPhysician,
        String seriesInstanceUid, String modality, Integer seriesNumber, String seriesDescription, String seriesDate,
        String seriesTime, String bodyPartExamined, String protocolName, String frameOfReferenceUid,
        String contrastBolusAgent, String contrastBolusRoute, String contrastBolusStartTime, String scanningSequence,
        String sequenceName, String imageType,
        String sopInstanceUid, String sopClassUid, Integer instanceNumber, Integer rows, Integer columns,
        Integer numberOfFrames, Integer bitsAllocated, Integer samplesPerPixel, String photometricInterpretation,
        double[] imagePositionPatient, double[] imageOrientationPatient, double[] pixelSpacing, Double sliceThickness,
        Double sliceLocation, Double rescaleSlope, Double rescaleIntercept, String windowCenter, String windowWidth,
        Integer acquisitionNumber, String acquisitionTime, String contentTime) {

    public static IndexedAttributes of(Dataset ds) {
        return new IndexedAttributes(
                text(ds, Tags.PatientID), text(ds, IndexTags.IssuerOfPatientID), text(ds, Tags.PatientName),
                text(ds, Tags.PatientBirthDate), text(ds, Tags.PatientSex),
                text(ds, Tags.StudyInstanceUID), text(ds, Tags.StudyDate), text(ds, Tags.StudyTime),
                text(ds, Tags.AccessionNumber), text(ds, Tags.StudyID), text(ds, Tags.StudyDescription),
                text(ds, Tags.ReferringPhysicianName),
                text(ds, Tags.SeriesInstanceUID), text(ds, Tags.Modality), integer(ds, Tags.SeriesNumber),
                text(ds, Tags.SeriesDescription), text(ds, Tags.SeriesDate), text(ds, Tags.SeriesTime),
                text(ds, IndexTags.BodyPartExamined), text(ds, IndexTags.ProtocolName), text(ds, Tags.FrameOfReferenceUID),
                text(ds, IndexTags.ContrastBolusAgent), text(ds, IndexTags.ContrastBolusRoute),
                text(ds, IndexTags.ContrastBolusStartTime), joined(ds, IndexTags.ScanningSequence),
                text(ds, IndexTags.SequenceName), joined(ds, Tags.ImageType),
                text(ds, Tags.SOPInstanceUID), text(ds, Tags.SOPClassUID), integer(ds, Tags.InstanceNumber),
                integer(ds, Tags.Rows), integer(ds, Tags.Columns), integer(ds, Tags.NumberOfFrames),
                integer(ds, Tags.BitsAllocated), integer(ds, Tags.SamplesPerPixel),
                text(ds, Tags.PhotometricInterpretation),
                doubles(ds, Tags.ImagePositionPatient, 3), doubles(ds, Tags.ImageOrientationPatient, 6),
                doubles(ds, Tags.PixelSpacing, 2), decimal(ds, Tags.SliceThickness), decimal(ds, IndexTags.SliceLocation),
                decimal(ds, Tags.RescaleSlope), decimal(ds, Tags.RescaleIntercept), joined(ds, Tags.WindowCenter),
                joined(ds, Tags.WindowWidth), integer(ds, IndexTags.AcquisitionNumber),
                text(ds, IndexTags.AcquisitionTime), text(ds, Tags.ContentTime));
    }

    private static String text(Dataset ds, int tag) {
        try {
            String s = clean(ds.getString(tag));
            return s == null || s.isBlank() ? null : s.trim();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static String joined(Dataset ds, int tag) {
        try {
            String[] values = ds.getStrings(tag);
            return values == null || values.length == 0 ? null : clean(String.join("\\", values));
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** PostgreSQL text cannot hold NUL; other control characters are kept out of the index too. */
    static String clean(String s) {
        if (s == null) return null;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 || c == '\t') out.append(c);
        }
        return out.toString();
    }

    private static Integer integer(Dataset ds, int tag) {
        try {
            return ds.getInt(tag);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static Double decimal(Dataset ds, int tag) {
        try {
            Double d = ds.getDouble(tag);
            return d == null || !Double.isFinite(d) ? null : d;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The values only when there are exactly {@code n} finite ones: geometry is all or nothing. */
    private static double[] doubles(Dataset ds, int tag, int n) {
        try {
            double[] v = ds.getDoubles(tag);
            if (v == null || v.length != n) return null;
            for (double d : v) if (!Double.isFinite(d)) return null;
            return v;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}

package io.delineo.interop.common;

import io.delineo.dicom.DicomDictionary;

/**
 * Tags the interop writers and readers use, looked up by PS3.6 keyword when the class loads, so a misspelt keyword
 * fails at once instead of writing a wrong tag. (Kept here rather than in {@code io.delineo.dicom.Tags}.)
 */
public final class DicomTags {
    private DicomTags() {
    }

    public static int tag(String keyword) {
        return DicomDictionary.standard().tagOf(keyword);
    }

    // patient, study, series, equipment
    public static final int IssuerOfPatientID = tag("IssuerOfPatientID");
    public static final int PatientIdentityRemoved = tag("PatientIdentityRemoved");
    public static final int DeidentificationMethod = tag("DeidentificationMethod");
    public static final int DeidentificationMethodCodeSequence = tag("DeidentificationMethodCodeSequence");
    public static final int OperatorsName = tag("OperatorsName");
    public static final int ManufacturerModelName = tag("ManufacturerModelName");
    public static final int DeviceSerialNumber = tag("DeviceSerialNumber");
    public static final int SoftwareVersions = tag("SoftwareVersions");
    public static final int PositionReferenceIndicator = tag("PositionReferenceIndicator");
    public static final int ReferencedInstanceSequence = tag("ReferencedInstanceSequence");
    public static final int ReferencedFrameNumber = tag("ReferencedFrameNumber");
    public static final int SpacingBetweenSlices = tag("SpacingBetweenSlices");
    public static final int LossyImageCompression = tag("LossyImageCompression");
    public static final int ContentLabel = tag("ContentLabel");
    public static final int ContentDescription = tag("ContentDescription");
    public static final int ContentCreatorName = tag("ContentCreatorName");
    public static final int PixelPaddingValue = tag("PixelPaddingValue");
}

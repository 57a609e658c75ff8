package io.delineo.archive;

/** Tags the archive indexes beyond {@link io.delineo.dicom.Tags} (values from PS3.6). */
final class IndexTags {
    static final int IssuerOfPatientID = 0x00100021;
    static final int BodyPartExamined = 0x00180015;
    static final int ProtocolName = 0x00181030;
    static final int ContrastBolusAgent = 0x00180010;
    static final int ContrastBolusRoute = 0x00181040;
    static final int ContrastBolusStartTime = 0x00181042;
    static final int ScanningSequence = 0x00180020;
    static final int SequenceName = 0x00180024;
    static final int SliceLocation = 0x00201041;
    static final int AcquisitionNumber = 0x00200012;
    static final int AcquisitionTime = 0x00080032;
    static final int ModalitiesInStudy = 0x00080061;
    static final int NumberOfStudyRelatedSeries = 0x00201206;
    static final int NumberOfStudyRelatedInstances = 0x00201208;
    static final int NumberOfSeriesRelatedInstances = 0x00201209;
    static final int RetrieveURL = 0x00081190;
    static final int InstanceAvailability = 0x00080056;
    static final int TimezoneOffsetFromUTC = 0x00080201;
    static final int FailedSOPSequence = 0x00081198;
    static final int FailureReason = 0x00081197;
    static final int WarningReason = 0x00081196;
    static final int ReferencedSOPSequence = 0x00081199;
    static final int OtherPatientIDsSequence = 0x00101002;

    private IndexTags() {
    }
}

package io.delineo.dicom;

/**
 * Frequently used tags, named by their PS3.6 keywords. Any other tag: {@code DicomDictionary.standard().tagOf("Keyword")}.
 * (A test checks every constant here against the dictionary.)
 */
@SuppressWarnings("unused")
public final class Tags {
    private Tags() {
    }

    // file meta information
    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;

    // SOP common, patient, study, series
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int ImageType = 0x00080008;
    public static final int InstanceCreationDate = 0x00080012;
    public static final int InstanceCreationTime = 0x00080013;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int SeriesDate = 0x00080021;
    public static final int ContentDate = 0x00080023;
    public static final int StudyTime = 0x00080030;
    public static final int SeriesTime = 0x00080031;
    public static final int ContentTime = 0x00080033;
    public static final int AccessionNumber = 0x00080050;
    public static final int Modality = 0x00080060;
    public static final int Manufacturer = 0x00080070;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int CodeValue = 0x00080100;
    public static final int CodingSchemeDesignator = 0x00080102;
    public static final int CodeMeaning = 0x00080104;
    public static final int StudyDescription = 0x00081030;
    public static final int SeriesDescription = 0x0008103E;
    public static final int ReferencedSeriesSequence = 0x00081115;
    public static final int ReferencedSOPClassUID = 0x00081150;
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    public static final int ReferencedSOPSequence = 0x00081199;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientSex = 0x00100040;
    public static final int SliceThickness = 0x00180050;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int SeriesNumber = 0x00200011;
    public static final int InstanceNumber = 0x00200013;
    public static final int ImagePositionPatient = 0x00200032;
    public static final int ImageOrientationPatient = 0x00200037;
    public static final int FrameOfReferenceUID = 0x00200052;

    // image pixel
    public static final int SamplesPerPixel = 0x00280002;
    public static final int PhotometricInterpretation = 0x00280004;
    public static final int PlanarConfiguration = 0x00280006;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int PixelSpacing = 0x00280030;
    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int HighBit = 0x00280102;
    public static final int PixelRepresentation = 0x00280103;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleSlope = 0x00281053;
    public static final int RescaleType = 0x00281054;
    public static final int PixelPaddingValue = 0x00280120;
    public static final int ExtendedOffsetTable = 0x7FE00001;
    public static final int ExtendedOffsetTableLengths = 0x7FE00002;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;
    public static final int PixelData = 0x7FE00010;
    public static final int DataSetTrailingPadding = 0xFFFCFFFC;

    // enhanced multi-frame
    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    public static final int PixelValueTransformationSequence = 0x00289145;
}

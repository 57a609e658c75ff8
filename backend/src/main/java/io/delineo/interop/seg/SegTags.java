package io.delineo.interop.seg;

import static io.delineo.interop.common.DicomTags.tag;

/** Segmentation IOD tags, looked up by keyword (a typo fails when the class loads). */
final class SegTags {
    private SegTags() {
    }

    static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
    static final String LABEL_MAP_SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.7";

    static final int SegmentationType = tag("SegmentationType");
    static final int SegmentationFractionalType = tag("SegmentationFractionalType");
    static final int MaximumFractionalValue = tag("MaximumFractionalValue");
    static final int SegmentsOverlap = tag("SegmentsOverlap");
    static final int SegmentSequence = tag("SegmentSequence");
    static final int SegmentNumber = tag("SegmentNumber");
    static final int SegmentLabel = tag("SegmentLabel");
    static final int SegmentDescription = tag("SegmentDescription");
    static final int SegmentAlgorithmType = tag("SegmentAlgorithmType");
    static final int SegmentAlgorithmName = tag("SegmentAlgorithmName");
    static final int SegmentedPropertyCategoryCodeSequence = tag("SegmentedPropertyCategoryCodeSequence");
    static final int SegmentedPropertyTypeCodeSequence = tag("SegmentedPropertyTypeCodeSequence");
    static final int RecommendedDisplayCIELabValue = tag("RecommendedDisplayCIELabValue");
    static final int SegmentIdentificationSequence = tag("SegmentIdentificationSequence");
    static final int ReferencedSegmentNumber = tag("ReferencedSegmentNumber");
    static final int DerivationImageSequence = tag("DerivationImageSequence");
    static final int DerivationCodeSequence = tag("DerivationCodeSequence");
    static final int SourceImageSequence = tag("SourceImageSequence");
    static final int PurposeOfReferenceCodeSequence = tag("PurposeOfReferenceCodeSequence");
    static final int FrameContentSequence = tag("FrameContentSequence");
    static final int DimensionIndexValues = tag("DimensionIndexValues");
    static final int PlanePositionSequence = tag("PlanePositionSequence");
    static final int PlaneOrientationSequence = tag("PlaneOrientationSequence");
    static final int PixelMeasuresSequence = tag("PixelMeasuresSequence");
    static final int DimensionOrganizationSequence = tag("DimensionOrganizationSequence");
    static final int DimensionOrganizationUID = tag("DimensionOrganizationUID");
    static final int DimensionOrganizationType = tag("DimensionOrganizationType");
    static final int DimensionIndexSequence = tag("DimensionIndexSequence");
    static final int DimensionIndexPointer = tag("DimensionIndexPointer");
    static final int FunctionalGroupPointer = tag("FunctionalGroupPointer");
    static final int DimensionDescriptionLabel = tag("DimensionDescriptionLabel");
}

package io.delineo.interop.rtstruct;

import static io.delineo.interop.common.DicomTags.tag;

/** RT Structure Set tags, looked up by keyword (a typo fails when the class loads). */
final class RtTags {
    private RtTags() {
    }

    static final String RT_STRUCTURE_SET_STORAGE = "1.2.840.10008.5.1.4.1.1.481.3";
    /** PS3.3 C.8.8.5: RT Referenced Study items name the study by this (retired) SOP class. */
    static final String DETACHED_STUDY_MANAGEMENT = "1.2.840.10008.3.1.2.3.1";

    static final int StructureSetLabel = tag("StructureSetLabel");
    static final int StructureSetName = tag("StructureSetName");
    static final int StructureSetDate = tag("StructureSetDate");
    static final int StructureSetTime = tag("StructureSetTime");
    static final int ReferencedFrameOfReferenceSequence = tag("ReferencedFrameOfReferenceSequence");
    static final int RTReferencedStudySequence = tag("RTReferencedStudySequence");
    static final int RTReferencedSeriesSequence = tag("RTReferencedSeriesSequence");
    static final int ContourImageSequence = tag("ContourImageSequence");
    static final int StructureSetROISequence = tag("StructureSetROISequence");
    static final int ROINumber = tag("ROINumber");
    static final int ReferencedFrameOfReferenceUID = tag("ReferencedFrameOfReferenceUID");
    static final int ROIName = tag("ROIName");
    static final int ROIGenerationAlgorithm = tag("ROIGenerationAlgorithm");
    static final int ROIContourSequence = tag("ROIContourSequence");
    static final int ReferencedROINumber = tag("ReferencedROINumber");
    static final int ROIDisplayColor = tag("ROIDisplayColor");
    static final int ContourSequence = tag("ContourSequence");
    static final int ContourNumber = tag("ContourNumber");
    static final int ContourGeometricType = tag("ContourGeometricType");
    static final int NumberOfContourPoints = tag("NumberOfContourPoints");
    static final int ContourData = tag("ContourData");
    static final int RTROIObservationsSequence = tag("RTROIObservationsSequence");
    static final int ObservationNumber = tag("ObservationNumber");
    static final int RTROIInterpretedType = tag("RTROIInterpretedType");
    static final int ROIInterpreter = tag("ROIInterpreter");
}

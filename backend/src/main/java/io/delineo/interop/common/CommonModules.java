package io.delineo.interop.common;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tags;
import io.delineo.dicom.VR;

import java.time.format.DateTimeFormatter;

/**
 * Modules every derived object repeats: SOP Common, Patient, General Study, the series identity, General and
 * Enhanced General Equipment and Frame of Reference. Text is written in UTF-8 (ISO_IR 192); text copied from the
 * source series is decoded with the source's character set first, so nothing is mis-encoded.
 */
public final class CommonModules {
    public static final String MANUFACTURER = "Delineo";
    public static final String MODEL_NAME = "Delineo interop";
    public static final String DEVICE_SERIAL_NUMBER = "1";
    public static final String SOFTWARE_VERSION = "1.0";

    /** Type 2 attributes of the Patient and General Study modules: present, possibly empty. */
    private static final int[] TYPE2 = {Tags.PatientName, Tags.PatientID, Tags.PatientBirthDate, Tags.PatientSex,
            Tags.StudyDate, Tags.StudyTime, Tags.ReferringPhysicianName, Tags.StudyID, Tags.AccessionNumber};

    private CommonModules() {
    }

    /** SOP Common, Patient, General Study, series identity, equipment and frame of reference. */
    public static void write(Dataset out, SourceSeries source, DerivedSeriesInfo info, String sopClassUid,
                             String modality) {
        out.setSpecificCharacterSet("ISO_IR 192");
        out.setString(Tags.SOPClassUID, VR.UI, sopClassUid);
        out.setString(Tags.SOPInstanceUID, VR.UI, info.sopInstanceUid());
        String date = info.created().format(DateTimeFormatter.BASIC_ISO_DATE);
        String time = info.created().format(DateTimeFormatter.ofPattern("HHmmss"));
        out.setString(Tags.InstanceCreationDate, VR.DA, date);
        out.setString(Tags.InstanceCreationTime, VR.TM, time);
        copyPatientStudy(source.patientStudy(), out);
        for (int tag : TYPE2) {
            if (!out.contains(tag)) out.setString(tag, new String[0]);
        }
        out.setString(Tags.StudyInstanceUID, VR.UI, source.studyInstanceUid());
        out.setString(Tags.Modality, VR.CS, modality);
        out.setString(Tags.SeriesInstanceUID, VR.UI, info.seriesInstanceUid());
        out.setInt(Tags.SeriesNumber, VR.IS, info.seriesNumber());
        out.setString(Tags.SeriesDate, VR.DA, date);
        out.setString(Tags.SeriesTime, VR.TM, time);
        out.setString(Tags.SeriesDescription, VR.LO, info.seriesDescription());
        out.setString(Tags.Manufacturer, VR.LO, MANUFACTURER);
        out.setString(DicomTags.ManufacturerModelName, VR.LO, MODEL_NAME);
        out.setString(DicomTags.DeviceSerialNumber, VR.LO, DEVICE_SERIAL_NUMBER);
        out.setString(DicomTags.SoftwareVersions, VR.LO, SOFTWARE_VERSION);
        out.setString(Tags.FrameOfReferenceUID, VR.UI, source.frameOfReferenceUid());
        out.setString(DicomTags.PositionReferenceIndicator, VR.LO, new String[0]);
    }

    /** Content Date/Time (the moment the derived content was made). */
    public static void writeContentDateTime(Dataset out, DerivedSeriesInfo info) {
        out.setString(Tags.ContentDate, VR.DA, info.created().format(DateTimeFormatter.BASIC_ISO_DATE));
        out.setString(Tags.ContentTime, VR.TM, info.created().format(DateTimeFormatter.ofPattern("HHmmss")));
    }

    /** Copies attributes, re-encoding text from the source's character set into the target's. */
    static void copyPatientStudy(Dataset from, Dataset to) {
        for (Attribute a : from) {
            if (a.tag() == Tags.SpecificCharacterSet) continue;
            copy(from, a, to);
        }
    }

    private static void copy(Dataset from, Attribute a, Dataset to) {
        if (a.isSequence()) {
            Sequence target = to.newSequence(a.tag());
            for (Dataset item : a.sequence()) {
                Dataset copy = target.addItem();
                for (Attribute inner : item) copy(item, inner, copy);
            }
        } else if (a.vr().isCharsetSensitive()) {
            to.setString(a.tag(), a.vr(), from.getStrings(a.tag()));
        } else if (!a.isEncapsulated()) {
            to.put(a);
        }
    }
}

package io.delineo.testing;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.UidGenerator;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies of the demo CT under fresh UIDs, so each test owns its study and cannot disturb another. */
public final class SyntheticDicom {
    private SyntheticDicom() {
    }

    /** The first {@code n} demo slices as a new study/series (new UIDs), written as explicit VR little endian. */
    public static List<byte[]> newSeries(int n) {
        return newSeries(n, UidGenerator.newUid(), UidGenerator.newUid(), "TEST-" + UidGenerator.newUid().substring(5, 13));
    }

    public static List<byte[]> newSeries(int n, String studyUid, String seriesUid, String patientId) {
        List<byte[]> out = new ArrayList<>();
        List<Path> files = DicomWebClient.demoCtFiles();
        for (int i = 0; i < n; i++) {
            DicomFile f = DicomReader.read(files.get(i));
            Dataset ds = f.dataset();
            ds.setString(Tags.StudyInstanceUID, VR.UI, studyUid);
            ds.setString(Tags.SeriesInstanceUID, VR.UI, seriesUid);
            ds.setString(Tags.SOPInstanceUID, VR.UI, UidGenerator.newUid());
            ds.setString(Tags.PatientID, VR.LO, patientId);
            out.add(DicomWriter.toBytes(DicomFile.of(ds, f.transferSyntax())));
        }
        return out;
    }

    /** The same object with one attribute changed (same UIDs, different bytes). */
    public static byte[] withDescription(byte[] object, String description) {
        DicomFile f = DicomReader.read(object);
        f.dataset().setString(Tags.SeriesDescription, VR.LO, description);
        return DicomWriter.toBytes(DicomFile.of(f.dataset(), f.transferSyntax()));
    }

    public static String sopOf(byte[] object) {
        return DicomReader.read(object).dataset().getString(Tags.SOPInstanceUID);
    }
}

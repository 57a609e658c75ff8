package io.delineo.dicom.io;

import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.Code;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UidGenerator;
import io.delineo.dicom.VR;
import io.delineo.dicom.pixel.PixelData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing programmatic data sets: builder API, padding, file meta group length, sequence lengths, validity. */
class DicomWriterTest {

    /** A complete Secondary Capture image built with the typed setters. */
    static Dataset secondaryCapture() {
        Dataset ds = new Dataset().setSpecificCharacterSet("ISO_IR 192")
                .setString(Tags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7")
                .setString(Tags.SOPInstanceUID, UidGenerator.newUid())
                .setString(Tags.PatientName, "Müller^Jürgen")
                .setString(Tags.PatientID, "P-001")
                .setString(Tags.PatientBirthDate)
                .setString(Tags.PatientSex, "O")
                .setString(Tags.StudyInstanceUID, UidGenerator.newUid())
                .setDate(Tags.StudyDate, LocalDate.of(2026, 11, 27))
                .setTime(Tags.StudyTime, LocalTime.of(9, 30, 5))
                .setString(Tags.ReferringPhysicianName)
                .setString(Tags.StudyID, "S1")
                .setString(Tags.AccessionNumber)
                .setString(Tags.Modality, "OT")
                .setString(Tags.SeriesInstanceUID, UidGenerator.newUid())
                .setInt(Tags.SeriesNumber, 1)
                .setString(0x00200060) // Laterality, type 2C: empty
                .setInt(Tags.InstanceNumber, 1)
                .setString(0x00200020, "L", "F")
                .setString(0x00080064, "WSD")
                .setInt(Tags.SamplesPerPixel, 1)
                .setString(Tags.PhotometricInterpretation, "MONOCHROME2")
                .setInt(Tags.Rows, 2).setInt(Tags.Columns, 3)
                .setInt(Tags.BitsAllocated, 16).setInt(Tags.BitsStored, 12).setInt(Tags.HighBit, 11)
                .setInt(Tags.PixelRepresentation, 0)
                .setDouble(Tags.PixelSpacing, 0.5, 0.75);
        byte[] pixels = new byte[12];
        for (int i = 0; i < 6; i++) {
            ByteOrderUtil.writeShort(pixels, 2 * i, i * 100);
        }
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        new Code("121322", "DCM", "Source image for image processing operation")
                .addTo(ds.newSequence(0x00082218)); // Anatomic Region Sequence stands in as a coded sequence
        return ds;
    }

    @Test
    void writtenObjectsReadBackWithTheirValues() {
        Dataset ds = secondaryCapture();
        for (WriteOptions options : new WriteOptions[] {WriteOptions.DEFAULTS, WriteOptions.DEFAULTS.withUndefinedLengthSequences(true)}) {
            byte[] bytes = DicomWriter.toBytes(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), options);
            DicomFile back = DicomReader.read(bytes);
            assertThat(back.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(back.fileMeta().getString(Tags.MediaStorageSOPInstanceUID)).isEqualTo(ds.getString(Tags.SOPInstanceUID));
            assertThat(back.fileMeta().getString(Tags.ImplementationClassUID)).isEqualTo(WriteOptions.DELINEO_IMPLEMENTATION_UID);
            assertThat(back.dataset().getString(Tags.PatientName)).isEqualTo("Müller^Jürgen");
            assertThat(back.dataset().getDate(Tags.StudyDate)).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(back.dataset().getString(Tags.StudyTime)).isEqualTo("093005");
            assertThat(back.dataset().getDoubles(Tags.PixelSpacing)).containsExactly(0.5, 0.75);
            assertThat(Code.of(back.dataset().getItem(0x00082218)).value()).isEqualTo("121322");
            assertThat(PixelData.of(back).storedValues(0)).containsExactly(0, 100, 200, 300, 400, 500);
            // the file meta group length covers exactly the meta elements after it
            int metaLength = back.fileMeta().getInt(Tags.FileMetaInformationGroupLength, -1);
            int afterGroupLength = 132 + 12;
            assertThat(bytes[afterGroupLength + metaLength] & 0xFF).isEqualTo(0x08); // next element: group 0008
            assertThat(bytes[afterGroupLength + metaLength + 1]).isEqualTo((byte) 0);
            boolean hasUndefinedLength = indexOf(bytes, new byte[] {'S', 'Q', 0, 0, -1, -1, -1, -1}) >= 0;
            assertThat(hasUndefinedLength).isEqualTo(options.undefinedLengthSequences());
        }
    }

    @Test
    void valuesArePaddedToEvenLengthPerVr() {
        Dataset ds = new Dataset().setString(Tags.SOPClassUID, "1.2.3").setString(Tags.SOPInstanceUID, "1.2.345")
                .setString(Tags.PatientID, "ABC").setBytes(0x00091010, VR.OB, new byte[] {1, 2, 3});
        byte[] bytes = DicomWriter.toBytes(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertThat(indexOf(bytes, "UI\u0006\u00001.2.3\0".getBytes(StandardCharsets.ISO_8859_1))).isPositive();
        assertThat(indexOf(bytes, "LO\u0004\u0000ABC ".getBytes(StandardCharsets.ISO_8859_1))).isPositive();
        assertThat(indexOf(bytes, new byte[] {'O', 'B', 0, 0, 4, 0, 0, 0, 1, 2, 3, 0})).isPositive();
        assertThat(bytes.length % 2).isZero();
    }

    @Test
    void encapsulatedPixelDataKeepsItsSyntaxAndFragments() {
        Dataset ds = secondaryCapture();
        Fragments f = new Fragments().add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1}).add(new byte[] {2, 3});
        ds.setFragments(Tags.PixelData, f);
        byte[] bytes = DicomWriter.toBytes(DicomFile.of(ds, TransferSyntax.JPEG_LOSSLESS_SV1));
        DicomFile back = DicomReader.read(bytes);
        assertThat(back.transferSyntax()).isEqualTo(TransferSyntax.JPEG_LOSSLESS_SV1);
        Fragments read = back.dataset().getFragments(Tags.PixelData);
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.get(0)).containsExactly(0xFF, 0xD8, 1, 0); // odd fragment padded
        assertThat(read.get(1)).containsExactly(2, 3);
        assertThatThrownBy(() -> DicomWriter.toBytes(DicomFile.of(secondaryCapture(), TransferSyntax.JPEG_BASELINE)))
                .hasMessageContaining("needs encapsulated pixel data");
    }

    @Test
    void missingSopUidsAreReportedClearly() {
        assertThatThrownBy(() -> DicomWriter.toBytes(DicomFile.of(new Dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
                .hasMessageContaining("SOP Instance UID");
    }

    @Test
    void uidsAreDecimalUuidsUnder225() {
        String uid = UidGenerator.newUid();
        assertThat(uid).startsWith("2.25.").hasSizeLessThanOrEqualTo(64);
        assertThat(UidGenerator.isValid(uid)).isTrue();
        assertThat(UidGenerator.fromUuid(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"))).isEqualTo("2.25.1");
        // PS3.5 B.2 example: f81d4fae-7dec-11d0-a765-00a0c91e6bf6
        assertThat(UidGenerator.fromUuid(java.util.UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")))
                .isEqualTo("2.25.329800735698586629295641978511506172918");
        assertThat(UidGenerator.isValid("1.02.3")).isFalse();
        assertThat(Set.of(UidGenerator.newUid(), UidGenerator.newUid())).hasSize(2);
    }

    @Test
    void aBuiltSecondaryCapturePassesDciodvfy(@TempDir Path tmp) throws Exception {
        boolean available = io.delineo.dicom.DciodvfyTest.commandExists("dciodvfy");
        if (!available) {
            System.err.println("aBuiltSecondaryCapturePassesDciodvfy SKIPPED: dciodvfy (dicom3tools) is not installed");
        }
        Assumptions.assumeTrue(available, "dciodvfy (dicom3tools) is not installed");
        Path file = tmp.resolve("sc.dcm");
        DicomWriter.write(DicomFile.of(secondaryCapture(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
        assertThat(io.delineo.dicom.DciodvfyTest.errors(file)).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}

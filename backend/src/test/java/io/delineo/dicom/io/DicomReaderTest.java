package io.delineo.dicom.io;

import io.delineo.dicom.ByteBuilder;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.DicomParseException;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TestFiles;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.VR;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reader behaviour on hand-made byte streams: encodings, sequences, UN, limits and error messages. */
class DicomReaderTest {
    private static final int PRIVATE_SQ = 0x00091010;

    @Test
    void explicitBigEndianSwapsBinaryValues() {
        byte[] ds = ByteBuilder.be()
                .explicit(Tags.Rows, "US", ByteBuilder.be().u16(512).toByteArray())
                .explicit(0x00280106, "SS", ByteBuilder.be().u16(-5 & 0xFFFF).toByteArray())
                .explicit(0x00181310, "US", ByteBuilder.be().u16(1).u16(2).toByteArray())
                .explicit(0x00189087, "FD", new byte[] {0x40, 0x09, 0x21, (byte) 0xFB, 0x54, 0x44, 0x2D, 0x18})
                .explicit(Tags.PatientName, "PN", "Doe^John")
                .toByteArray();
        DicomFile f = DicomReader.read(ByteBuilder.part10(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), ds));
        assertThat(f.transferSyntax().bigEndian()).isTrue();
        assertThat(f.dataset().getInt(Tags.Rows, 0)).isEqualTo(512);
        assertThat(f.dataset().getInt(0x00280106, 0)).isEqualTo(-5);
        assertThat(f.dataset().getInts(0x00181310)).containsExactly(1, 2);
        assertThat(f.dataset().getDouble(0x00189087, 0)).isEqualTo(Math.PI);
        assertThat(f.dataset().getString(Tags.PatientName)).isEqualTo("Doe^John");
    }

    @Test
    void bareDataSetsAreDetected() {
        byte[] implicitLe = ByteBuilder.le().implicit(Tags.SpecificCharacterSet, "ISO_IR 100").implicit(Tags.Modality, "CT").toByteArray();
        assertThat(DicomReader.read(implicitLe).transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        byte[] explicitLe = ByteBuilder.le().explicit(Tags.SpecificCharacterSet, "CS", "ISO_IR 100").toByteArray();
        assertThat(DicomReader.read(explicitLe).transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] explicitBe = ByteBuilder.be().explicit(Tags.SpecificCharacterSet, "CS", "ISO_IR 100").toByteArray();
        DicomFile be = DicomReader.read(explicitBe);
        assertThat(be.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        assertThat(be.dataset().getString(Tags.SpecificCharacterSet)).isEqualTo("ISO_IR 100");
        assertThatThrownBy(() -> DicomReader.read("hello world, not DICOM".getBytes()))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("not a DICOM file");
    }

    @Test
    void undefinedLengthSequencesAndItemsInImplicitVr() {
        byte[] ds = ByteBuilder.le()
                .tag(Tags.ReferencedSeriesSequence).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(0xFFFFFFFFL)
                .implicit(Tags.SeriesInstanceUID, "1.2.3\0")
                .tag(Tags.ReferencedSOPSequence).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(10).implicit(Tags.ReferencedSOPClassUID, "1\0")
                .tag(0xFFFEE0DD).u32(0)
                .tag(0xFFFEE00D).u32(0)
                .tag(0xFFFEE000).u32(0)
                .tag(0xFFFEE0DD).u32(0)
                .implicit(Tags.PatientID, "ID42")
                .toByteArray();
        Dataset d = DicomReader.read(ByteBuilder.part10(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), ds)).dataset();
        assertThat(d.getSequence(Tags.ReferencedSeriesSequence).size()).isEqualTo(2);
        Dataset first = d.getItem(Tags.ReferencedSeriesSequence);
        assertThat(first.getString(Tags.SeriesInstanceUID)).isEqualTo("1.2.3");
        assertThat(first.getItem(Tags.ReferencedSOPSequence).getString(Tags.ReferencedSOPClassUID)).isEqualTo("1");
        assertThat(d.getSequence(Tags.ReferencedSeriesSequence).get(1).isEmpty()).isTrue();
        assertThat(d.getString(Tags.PatientID)).isEqualTo("ID42");
        assertThat(first.parent()).isSameAs(d);
    }

    @Test
    void unknownVrOfKnownTagsIsReinterpretedIncludingSequencesInImplicitVr() {
        byte[] inner = ByteBuilder.le().tag(0xFFFEE000).u32(10).implicit(Tags.ReferencedSOPClassUID, "1\0").toByteArray();
        byte[] ds = ByteBuilder.le()
                .explicit(Tags.Rows, "UN", new byte[] {0, 2})
                .explicit(Tags.ReferencedSOPSequence, "UN", inner)
                .explicit(PRIVATE_SQ, "UN", new byte[] {1, 2})
                .tag(0x00091011).ascii("UN").u16(0).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(0xFFFFFFFFL).implicit(Tags.PatientID, "X\0").tag(0xFFFEE00D).u32(0)
                .tag(0xFFFEE0DD).u32(0)
                .toByteArray();
        Dataset d = DicomReader.read(ByteBuilder.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), ds)).dataset();
        assertThat(d.vrOf(Tags.Rows)).isEqualTo(VR.US);
        assertThat(d.getInt(Tags.Rows, 0)).isEqualTo(512);
        assertThat(d.vrOf(Tags.ReferencedSOPSequence)).isEqualTo(VR.SQ);
        assertThat(d.getItem(Tags.ReferencedSOPSequence).getString(Tags.ReferencedSOPClassUID)).isEqualTo("1");
        assertThat(d.vrOf(PRIVATE_SQ)).isEqualTo(VR.UN);
        assertThat(d.getItem(0x00091011).getString(Tags.PatientID)).isEqualTo("X");
        Dataset kept = DicomReader.read(ByteBuilder.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), ds),
                ReadOptions.defaults().withReinterpretUn(false)).dataset();
        assertThat(kept.vrOf(Tags.Rows)).isEqualTo(VR.UN);
    }

    @Test
    void deflatedDataSetsInflateWithinTheLimit() throws Exception {
        byte[] plain = ByteBuilder.le().explicit(Tags.PatientName, "PN", "Doe^Jane").explicit(Tags.PixelData, "OB", new byte[1 << 20]).toByteArray();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(9, true))) {
            out.write(plain);
        }
        byte[] file = ByteBuilder.part10(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(), compressed.toByteArray());
        assertThat(file.length).isLessThan(10_000);
        DicomFile f = DicomReader.read(file);
        assertThat(f.dataset().getString(Tags.PatientName)).isEqualTo("Doe^Jane");
        assertThat(f.dataset().getBytes(Tags.PixelData)).hasSize(1 << 20);
        // a deflate bomb: 1 MiB from a few KB is refused when the cap is lower
        assertThatThrownBy(() -> DicomReader.read(file, ReadOptions.defaults().withMaxInflatedBytes(100_000)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("inflates beyond the limit of 100000");
        assertThatThrownBy(() -> DicomReader.read(java.util.Arrays.copyOf(file, file.length - 50)))
                .isInstanceOf(DicomParseException.class);
    }

    @Test
    void absurdLengthsAreRefusedBeforeAllocating() throws Exception {
        byte[] huge = ByteBuilder.le().explicit(Tags.PatientID, "LO", "A ").tag(Tags.PixelData).ascii("OB").u16(0).u32(0x7FFFFFF0L).bytes(new byte[16]).toByteArray();
        byte[] file = ByteBuilder.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), huge);
        assertThatThrownBy(() -> DicomReader.read(file)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("exceeds the limit of").hasMessageContaining("(7FE0,0010)").hasMessageContaining("offset");
        assertThatThrownBy(() -> DicomReader.read(file, ReadOptions.defaults().withMaxValueLength(Integer.MAX_VALUE)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("16 bytes remaining");
        // a stream of unknown length: the lie is found at end of stream, after reading only what exists
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(file), ReadOptions.defaults().withMaxValueLength(Integer.MAX_VALUE)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("unexpected end of data");
        assertThatThrownBy(() -> DicomReader.read(TestFiles.pydicomFile("CT_small.dcm"), ReadOptions.defaults().withMaxTotalBytes(200)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("limit of 200 bytes");
    }

    @Test
    void deepNestingIsBounded() {
        ByteBuilder b = ByteBuilder.le();
        for (int i = 0; i < 100; i++) {
            b.tag(Tags.ReferencedSeriesSequence).u32(0xFFFFFFFFL).tag(0xFFFEE000).u32(0xFFFFFFFFL);
        }
        byte[] file = ByteBuilder.part10(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), b.toByteArray());
        assertThatThrownBy(() -> DicomReader.read(file)).isInstanceOf(DicomParseException.class).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void stopBeforePixelDataKeepsEverythingElse() {
        DicomFile f = DicomReader.read(TestFiles.pydicomFile("CT_small.dcm"), ReadOptions.defaults().withStopBeforePixelData(true));
        assertThat(f.stoppedBeforePixelData()).isTrue();
        assertThat(f.dataset().contains(Tags.PixelData)).isFalse();
        assertThat(f.dataset().getInt(Tags.Rows, 0)).isEqualTo(128);
        DicomFile full = DicomReader.read(TestFiles.pydicomFile("CT_small.dcm"));
        assertThat(f.pixelDataOffset()).isEqualTo(full.pixelDataOffset()).isGreaterThan(0);
        assertThat(full.dataset().getBytes(Tags.PixelData)).hasSize(128 * 128 * 2);
    }

    @Test
    void errorsNameTheElementAndOffset() {
        byte[] ds = ByteBuilder.le().explicit(Tags.PatientID, "LO", "AB").tag(Tags.PatientName).ascii("Q!").u16(2).ascii("AB").toByteArray();
        assertThatThrownBy(() -> DicomReader.read(ByteBuilder.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), ds)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("invalid VR bytes 51 21")
                .hasMessageContaining("(0010,0010)").hasMessageContaining("byte offset");
    }
}

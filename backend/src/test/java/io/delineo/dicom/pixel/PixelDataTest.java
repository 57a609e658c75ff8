package io.delineo.dicom.pixel;

import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TestFiles;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UnsupportedTransferSyntaxException;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frame location, sample unpacking and rescaling on small hand-made images with known values. */
class PixelDataTest {

    private static Dataset image(int rows, int columns, int samples, int allocated, int stored, int signed, String photometric) {
        return new Dataset().setInt(Tags.Rows, rows).setInt(Tags.Columns, columns).setInt(Tags.SamplesPerPixel, samples)
                .setInt(Tags.BitsAllocated, allocated).setInt(Tags.BitsStored, stored).setInt(Tags.HighBit, stored - 1)
                .setInt(Tags.PixelRepresentation, signed).setString(Tags.PhotometricInterpretation, photometric);
    }

    @Test
    void bitsStoredBelowBitsAllocatedAreMaskedAndSignExtended() {
        // 12 bits stored in 16: high nibble holds overlay junk; 0x0FFF is -1 when signed
        Dataset ds = image(1, 3, 1, 16, 12, 1, "MONOCHROME2");
        ds.setBytes(Tags.PixelData, VR.OW, new byte[] {(byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0xF8, 0x05, (byte) 0xA0});
        assertThat(PixelData.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).storedValues(0)).containsExactly(-1, -2048, 5);
        ds.setInt(Tags.PixelRepresentation, 0);
        assertThat(PixelData.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).storedValues(0)).containsExactly(4095, 2048, 5);
    }

    @Test
    void realValuesApplyRescaleForHounsfieldUnits() {
        Dataset ds = image(1, 2, 1, 16, 16, 0, "MONOCHROME2").setString(Tags.RescaleSlope, "1").setString(Tags.RescaleIntercept, "-1024");
        ds.setBytes(Tags.PixelData, VR.OW, new byte[] {0, 0, 0x28, 0x04});
        PixelData p = PixelData.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(p.realValues(0)).containsExactly(-1024f, 40f);
        // enhanced multi-frame: per-frame functional groups win over the top level
        Dataset frame = ds.newSequence(Tags.PerFrameFunctionalGroupsSequence).addItem();
        frame.newSequence(Tags.PixelValueTransformationSequence).addItem().setString(Tags.RescaleSlope, "2").setString(Tags.RescaleIntercept, "1");
        assertThat(PixelData.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).realValues(0)).containsExactly(1f, 2129f);
        assertThat(PixelData.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).rescale(0).slope()).isEqualTo(2);
    }

    @Test
    void ctSmallGivesHounsfieldUnitsLikePydicom() {
        DicomFile ct = DicomReader.read(TestFiles.pydicomFile("CT_small.dcm"));
        float[] hu = PixelData.of(ct).realValues(0);
        // pydicom 2.3.1: apply_modality_lut(ds.pixel_array, ds)[0, :3] on CT_small.dcm gives [-849, -844, -858]
        assertThat(hu).hasSize(128 * 128);
        assertThat(PixelData.of(ct).rescale(0).intercept()).isEqualTo(-1024);
        assertThat(new float[] {hu[0], hu[1], hu[2]}).containsExactly(-849f, -844f, -858f);
    }

    @Test
    void planarConfigurationAndOneBitFrames() {
        Dataset rgb = image(1, 2, 3, 8, 8, 0, "RGB").setInt(Tags.PlanarConfiguration, 1);
        rgb.setBytes(Tags.PixelData, VR.OB, new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(PixelData.of(rgb, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).storedValues(0)).containsExactly(1, 3, 5, 2, 4, 6);

        // two 3x3 one-bit frames packed without byte alignment: frame 1 starts at bit 9
        Dataset seg = image(3, 3, 1, 1, 1, 0, "MONOCHROME2").setString(Tags.NumberOfFrames, "2");
        seg.setBytes(Tags.PixelData, VR.OB, new byte[] {(byte) 0b0000_0001, (byte) 0b0000_0110, (byte) 0b0000_0001});
        PixelData p = PixelData.of(seg, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(p.storedValues(0)).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(p.storedValues(1)).containsExactly(1, 1, 0, 0, 0, 0, 0, 1, 0);
    }

    @Test
    void ybrFullIsConvertedToRgb() {
        Dataset ybr = image(1, 2, 3, 8, 8, 0, "YBR_FULL");
        // Y=76,Cb=85,Cr=255 is pure red; Y=128,Cb=Cr=128 mid grey (JFIF equations)
        ybr.setBytes(Tags.PixelData, VR.OB, new byte[] {76, 85, (byte) 255, (byte) 128, (byte) 128, (byte) 128});
        PixelData p = PixelData.of(ybr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(p.storedValues(0)).containsExactly(76, 85, 255, 128, 128, 128);
        assertThat(p.rgbValues(0)).containsExactly(254, 0, 0, 128, 128, 128);
    }

    @Test
    void framesAreFoundThroughBasicAndExtendedOffsetTables() {
        Fragments f = new Fragments();
        f.add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}).add(new byte[] {3, 4}).add(new byte[] {(byte) 0xFF, (byte) 0xD8, 5, 6});
        byte[] bot = new byte[8];
        ByteOrderUtil.writeInt(bot, 4, 8 + 4 + 8 + 2); // frame 1 starts at the third fragment's item
        f.setBasicOffsetTable(bot);
        Dataset ds = image(1, 1, 1, 8, 8, 0, "MONOCHROME2").setString(Tags.NumberOfFrames, "2").setFragments(Tags.PixelData, f);
        PixelData p = PixelData.of(ds, TransferSyntax.JPEG_BASELINE);
        assertThat(p.encodedFrame(0)).containsExactly(0xFF, 0xD8, 1, 2, 3, 4);
        assertThat(p.encodedFrame(1)).containsExactly(0xFF, 0xD8, 5, 6);

        // no offset table: frame starts are found by the JPEG SOI marker
        f.setBasicOffsetTable(new byte[0]);
        assertThat(PixelData.of(ds, TransferSyntax.JPEG_BASELINE).encodedFrame(0)).containsExactly(0xFF, 0xD8, 1, 2, 3, 4);

        // extended offset table (OV) wins
        byte[] eot = new byte[16];
        ByteOrderUtil.writeLong(eot, 8, 8 + 4);
        ds.setBytes(Tags.ExtendedOffsetTable, VR.OV, eot);
        Fragments g = new Fragments().add(new byte[] {9, 9, 9, 9}).add(new byte[] {7, 7});
        ds.setFragments(Tags.PixelData, g);
        PixelData q = PixelData.of(ds, TransferSyntax.JPEG_2000_LOSSLESS);
        assertThat(q.encodedFrame(1)).containsExactly(7, 7);

        ByteOrderUtil.writeLong(eot, 8, 5);
        ds.setBytes(Tags.ExtendedOffsetTable, VR.OV, eot);
        assertThatThrownBy(() -> PixelData.of(ds, TransferSyntax.JPEG_2000_LOSSLESS)).isInstanceOf(DicomException.class)
                .hasMessageContaining("does not point at a fragment");
    }

    @Test
    void rleFramesDecodeAndCorruptSegmentsAreRefused() {
        DicomFile rle = DicomReader.read(TestFiles.pydicomFile("MR_small_RLE.dcm"));
        DicomFile raw = DicomReader.read(TestFiles.pydicomFile("MR_small.dcm"));
        assertThat(PixelData.of(rle).storedValues(0)).isEqualTo(PixelData.of(raw).storedValues(0));
        assertThat(PixelData.of(rle).nativeFrame(0)).isEqualTo(PixelData.of(raw).nativeFrame(0));
        byte[] frame = PixelData.of(rle).encodedFrame(0).clone();
        ByteOrderUtil.writeInt(frame, 4, 1_000_000);
        Fragments broken = new Fragments().add(frame);
        Dataset ds = rle.dataset().copy().setFragments(Tags.PixelData, broken);
        assertThatThrownBy(() -> PixelData.of(ds, TransferSyntax.RLE_LOSSLESS).storedValues(0))
                .isInstanceOf(DicomException.class).hasMessageContaining("segment 0");
    }

    @Test
    void undecodableSyntaxesStillServeTheirEncodedFrames() {
        DicomFile jls = DicomReader.read(TestFiles.pydicomFile("MR_small_jpeg_ls_lossless.dcm"));
        PixelData p = PixelData.of(jls);
        assertThat(p.encodedFrame(0)).startsWith(0xFF, 0xD8);
        assertThatThrownBy(() -> p.nativeFrame(0)).isInstanceOf(UnsupportedTransferSyntaxException.class)
                .hasMessageContaining("JPEG-LS Lossless").hasMessageContaining("1.2.840.10008.1.2.4.80");
        assertThat(TransferSyntax.HTJ2K.canDecodePixelsInJava()).isFalse();
        assertThat(TransferSyntax.JPEG_2000.canDecodePixelsInJava()).isTrue();
    }
}

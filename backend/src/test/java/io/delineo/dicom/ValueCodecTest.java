package io.delineo.dicom;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every VR's encoding and decoding, multi-values, padding and trimming (values checked against PS3.5 6.2). */
class ValueCodecTest {

    private static Attribute attr(VR vr, byte[] bytes) {
        return Attribute.ofBytes(0x00091001, vr, bytes);
    }

    @Test
    void stringVrsSplitOnBackslashAndTrimInsignificantSpaces() {
        Attribute cs = attr(VR.CS, " ORIGINAL\\PRIMARY \\AXIAL ".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.strings(cs, SpecificCharacterSet.DEFAULT)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        Attribute ui = attr(VR.UI, "1.2.3\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.strings(ui, SpecificCharacterSet.DEFAULT)).containsExactly("1.2.3");
        // PN keeps leading spaces, drops trailing padding; LT/ST/UT never split on backslash
        Attribute pn = attr(VR.PN, " Doe^John ".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.strings(pn, SpecificCharacterSet.DEFAULT)).containsExactly(" Doe^John");
        Attribute lt = attr(VR.LT, "a\\b\r\nc  ".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.strings(lt, SpecificCharacterSet.DEFAULT)).containsExactly("a\\b\r\nc");
        Attribute empty = attr(VR.LO, new byte[0]);
        assertThat(ValueCodec.strings(empty, SpecificCharacterSet.DEFAULT)).isEmpty();
        Attribute emptyComponent = attr(VR.CS, "A\\\\B".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.strings(emptyComponent, SpecificCharacterSet.DEFAULT)).containsExactly("A", "", "B");
    }

    @Test
    void decimalAndIntegerStrings() {
        Attribute ds = attr(VR.DS, " 1.5\\-2e3\\+0.25 ".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.doubles(ds)).containsExactly(1.5, -2000, 0.25);
        Attribute is = attr(VR.IS, "+12\\-7 ".getBytes(StandardCharsets.US_ASCII));
        assertThat(ValueCodec.longs(is)).containsExactly(12, -7);
        assertThatThrownBy(() -> ValueCodec.doubles(attr(VR.DS, "1.2.3 ".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(DicomException.class).hasMessageContaining("not a valid DS");
        assertThat(ValueCodec.formatDecimalString(0.1 + 0.2)).hasSizeLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(ValueCodec.formatDecimalString(0.1 + 0.2))).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(ValueCodec.formatDecimalString(-1024)).isEqualTo("-1024");
        assertThat(ValueCodec.formatDecimalString(1.0 / 3)).hasSizeLessThanOrEqualTo(16).startsWith("0.333333333333");
        assertThat(ValueCodec.formatDecimalString(6.02214076e23)).hasSizeLessThanOrEqualTo(16);
        assertThat(new String(ValueCodec.encodeLongs(VR.IS, 42, -3), StandardCharsets.US_ASCII)).isEqualTo("42\\-3 ");
    }

    @Test
    void binaryIntegerVrsAreLittleEndianWithTheirSignedness() {
        byte[] us = ValueCodec.encodeLongs(VR.US, 1, 65535);
        assertThat(us).containsExactly(1, 0, -1, -1);
        assertThat(ValueCodec.longs(attr(VR.US, us))).containsExactly(1, 65535);
        assertThat(ValueCodec.longs(attr(VR.SS, us))).containsExactly(1, -1);
        byte[] ul = ValueCodec.encodeLongs(VR.UL, 4294967295L);
        assertThat(ValueCodec.longs(attr(VR.UL, ul))).containsExactly(4294967295L);
        assertThat(ValueCodec.longs(attr(VR.SL, ul))).containsExactly(-1);
        byte[] sv = ValueCodec.encodeLongs(VR.SV, Long.MIN_VALUE, 5);
        assertThat(ValueCodec.longs(attr(VR.SV, sv))).containsExactly(Long.MIN_VALUE, 5);
        assertThat(ValueCodec.strings(attr(VR.UV, ValueCodec.encodeLongs(VR.UV, -1L)), SpecificCharacterSet.DEFAULT))
                .containsExactly("18446744073709551615");
        assertThatThrownBy(() -> ValueCodec.encodeLongs(VR.US, 70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueCodec.encodeLongs(VR.SS, -40000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributeTagsAreTwoLittleEndianWords() {
        byte[] at = ValueCodec.encodeLongs(VR.AT, 0x00100010L, 0x7FE00010L);
        assertThat(at).containsExactly(0x10, 0, 0x10, 0, 0xE0 - 256, 0x7F, 0x10, 0);
        assertThat(ValueCodec.strings(attr(VR.AT, at), SpecificCharacterSet.DEFAULT)).containsExactly("00100010", "7FE00010");
    }

    @Test
    void floatingPointVrs() {
        byte[] fl = ValueCodec.encodeDoubles(VR.FL, 1.5, -0.0);
        assertThat(fl).containsExactly(0, 0, (byte) 0xC0, 0x3F, 0, 0, 0, (byte) 0x80);
        assertThat(ValueCodec.doubles(attr(VR.FL, fl))).containsExactly(1.5, -0.0);
        byte[] fd = ValueCodec.encodeDoubles(VR.FD, Math.PI);
        assertThat(ValueCodec.doubles(attr(VR.FD, fd))).containsExactly(Math.PI);
        assertThat(ValueCodec.doubles(attr(VR.OF, fl))).containsExactly(1.5, -0.0);
        assertThat(ValueCodec.doubles(attr(VR.OD, fd))).containsExactly(Math.PI);
    }

    @Test
    void otherVrsAreBytesOrWords() {
        assertThat(ValueCodec.longs(attr(VR.OB, new byte[] {1, (byte) 0xFF}))).containsExactly(1, 255);
        assertThat(ValueCodec.longs(attr(VR.OW, new byte[] {1, 2}))).containsExactly(0x0201);
        assertThat(ValueCodec.longs(attr(VR.OL, new byte[] {1, 0, 0, (byte) 0x80}))).containsExactly(0x80000001L);
        assertThat(ValueCodec.longs(attr(VR.OV, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}))).containsExactly(1);
        assertThat(ValueCodec.strings(attr(VR.UN, new byte[] {1}), SpecificCharacterSet.DEFAULT)).isEmpty();
    }

    @Test
    void stringEncodingPadsToEvenLengthWithTheVrPadding() {
        assertThat(ValueCodec.encodeStrings(VR.UI, SpecificCharacterSet.DEFAULT, "1.2.3")).containsExactly('1', '.', '2', '.', '3', 0);
        assertThat(ValueCodec.encodeStrings(VR.CS, SpecificCharacterSet.DEFAULT, "A", "BC")).containsExactly('A', '\\', 'B', 'C');
        assertThat(ValueCodec.encodeStrings(VR.LO, SpecificCharacterSet.DEFAULT, "abc")).containsExactly('a', 'b', 'c', ' ');
        assertThatThrownBy(() -> ValueCodec.encodeStrings(VR.CS, SpecificCharacterSet.DEFAULT, "A\\B"))
                .hasMessageContaining("backslash");
        assertThatThrownBy(() -> ValueCodec.encodeStrings(VR.LT, SpecificCharacterSet.DEFAULT, "a", "b"))
                .hasMessageContaining("single value");
        assertThatThrownBy(() -> ValueCodec.encodeStrings(VR.LO, SpecificCharacterSet.DEFAULT, "Müller"))
                .hasMessageContaining("ISO_IR 192");
    }

    @Test
    void everyVrHasTheHeaderAndPaddingOfPs35() {
        for (VR vr : VR.values()) {
            assertThat(VR.fromCode(vr.name())).isSameAs(vr);
        }
        assertThat(VR.fromCode("XX")).isNull();
        assertThat(VR.fromCode(0, 0)).isNull();
        for (VR vr : new VR[] {VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV, VR.UC, VR.UN, VR.UR, VR.UT, VR.UV}) {
            assertThat(vr.hasLongLength()).as(vr.name()).isTrue();
        }
        assertThat(VR.LO.hasLongLength()).isFalse();
        assertThat(VR.UI.paddingByte()).isEqualTo((byte) 0);
        assertThat(VR.SH.paddingByte()).isEqualTo((byte) ' ');
        assertThat(VR.PN.isCharsetSensitive()).isTrue();
        assertThat(VR.CS.isCharsetSensitive()).isFalse();
    }
}

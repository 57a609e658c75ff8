package io.delineo.dicom;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Specific Character Set decoding and encoding (PS3.5 6.1, PS3.3 C.12.1.1.2); byte values from ISO 8859 / UTF-8. */
class CharacterSetTest {

    @Test
    void latin1PersonNames() {
        byte[] bytes = {'B', 'u', 'c', (byte) 0xE9, '^', 'J', (byte) 0xE9, 'r', (byte) 0xF4, 'm', 'e'};
        assertThat(SpecificCharacterSet.of("ISO_IR 100").decode(bytes)).isEqualTo("Bucé^Jérôme");
        assertThat(SpecificCharacterSet.of("ISO_IR 100").encode("Bucé^Jérôme")).isEqualTo(bytes);
    }

    @Test
    void utf8AndOtherSingleByteSets() {
        assertThat(SpecificCharacterSet.of("ISO_IR 192").decode("Wang^XiaoDong=王^小東".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Wang^XiaoDong=王^小東");
        assertThat(SpecificCharacterSet.of("ISO_IR 144").decode(new byte[] {(byte) 0xBB, (byte) 0xEE, (byte) 0xDA}))
                .isEqualTo("Люк");
        assertThat(SpecificCharacterSet.of("ISO_IR 126").decode(new byte[] {(byte) 0xC4, (byte) 0xE9}))
                .isEqualTo("Δι");
        assertThat(SpecificCharacterSet.of("GB18030").decode("王".getBytes(Charset.forName("GB18030")))).isEqualTo("王");
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataSet() {
        Dataset ds = new Dataset().setSpecificCharacterSet("ISO_IR 100");
        Dataset item = ds.newSequence(Tags.ReferencedSeriesSequence).addItem();
        item.setString(Tags.PatientName, "Müller^Jürgen");
        assertThat(item.getBytes(Tags.PatientName)).contains((byte) 0xFC);
        assertThat(item.getString(Tags.PatientName)).isEqualTo("Müller^Jürgen");
    }

    @Test
    void defaultRepertoireReadsStrayHighBytesAsLatin1AndRefusesToWriteThem() {
        assertThat(SpecificCharacterSet.of().decode(new byte[] {'A', (byte) 0xC4})).isEqualTo("AÄ");
        assertThatThrownBy(() -> new Dataset().setString(Tags.PatientName, "Ärger"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO_IR 192");
    }

    @Test
    void iso2022EscapesAreRefusedClearly() {
        SpecificCharacterSet japanese = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        assertThat(japanese.decode("Yamada^Tarou".getBytes(StandardCharsets.US_ASCII))).isEqualTo("Yamada^Tarou");
        byte[] withEscape = {'Y', 0x1B, '$', 'B', 0x3B, 0x33, 0x1B, '(', 'B'};
        assertThatThrownBy(() -> japanese.decode(withEscape)).isInstanceOf(UnsupportedCharacterSetException.class)
                .hasMessageContaining("ISO 2022 escape");
        assertThatThrownBy(() -> SpecificCharacterSet.of("ISO_IR 999")).isInstanceOf(UnsupportedCharacterSetException.class)
                .hasMessageContaining("ISO_IR 999");
    }
}

package io.delineo.dicom;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated PS3.6 dictionary holds the whole registry; spot checks against PS3.6 entries. */
class DicomDictionaryTest {
    private final DicomDictionary dictionary = DicomDictionary.standard();

    @Test
    void holdsTheWholeRegistryIncludingRepeatingGroups() {
        assertThat(dictionary.size()).isGreaterThan(4900);
        assertThat(dictionary.entries().stream().filter(DictionaryEntry::isRepeating).count()).isGreaterThan(70);
        assertThat(dictionary.entries().stream().filter(DictionaryEntry::retired).count()).isEqualTo(416 + 72); // as pydicom 2.3.1 registers
    }

    @Test
    void spotChecks() {
        DictionaryEntry name = dictionary.entry(0x00100010);
        assertThat(name.keyword()).isEqualTo("PatientName");
        assertThat(name.name()).isEqualTo("Patient's Name");
        assertThat(name.vr()).isEqualTo(VR.PN);
        assertThat(name.vm()).isEqualTo("1");
        assertThat(name.retired()).isFalse();

        assertThat(dictionary.entry(0x00200032).vm()).isEqualTo("3");
        assertThat(dictionary.entry(0x7FE00010).vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(dictionary.entry(0x00280106).vrText()).isEqualTo("US or SS");
        assertThat(dictionary.entry(0x00081115).vr()).isEqualTo(VR.SQ);
        assertThat(dictionary.entry(0x7FE00001).vr()).isEqualTo(VR.OV);
        assertThat(dictionary.entry(0x00080001).retired()).isTrue(); // Length to End
        assertThat(dictionary.entry(0x00620002).keyword()).isEqualTo("SegmentSequence");
        assertThat(dictionary.entry(0x30060020).keyword()).isEqualTo("StructureSetROISequence");

        // repeating groups: overlay data (60xx,3000) and curve data (50xx,3000)
        DictionaryEntry overlay = dictionary.entry(0x60023000);
        assertThat(overlay.keyword()).isEqualTo("OverlayData");
        assertThat(overlay.pattern()).isEqualTo("60xx3000");
        assertThat(dictionary.entry(0x601E0010).keyword()).isEqualTo("OverlayRows");
        assertThat(dictionary.entry(0x50003000).retired()).isTrue();

        assertThat(dictionary.entry(0x00091010)).isNull(); // private
        assertThat(dictionary.vrOf(0x00090010)).isEqualTo(VR.LO); // private creator
        assertThat(dictionary.vrOf(0x00091110)).isEqualTo(VR.UN);
        assertThat(dictionary.vrOf(0x00280000)).isEqualTo(VR.UL); // group length
        assertThat(dictionary.tagOf("StudyInstanceUID")).isEqualTo(0x0020000D);
        assertThatThrownBy(() -> dictionary.tagOf("NoSuchKeyword")).hasMessageContaining("NoSuchKeyword");
    }

    @Test
    void everyNamedTagConstantMatchesTheDictionary() throws IllegalAccessException {
        int checked = 0;
        for (Field f : Tags.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertThat(dictionary.tagOf(f.getName())).as(f.getName()).isEqualTo(f.getInt(null));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void transferSyntaxRegistry() {
        TransferSyntax implicit = TransferSyntax.of("1.2.840.10008.1.2");
        assertThat(implicit.explicitVr()).isFalse();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.2").bigEndian()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.1.99").deflated()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.80").encapsulated()).isTrue();
        for (String uid : List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.201",
                "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203")) {
            assertThat(TransferSyntax.of(uid).canDecodePixelsInJava()).as(uid).isFalse();
        }
        for (String uid : List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
                "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.5")) {
            assertThat(TransferSyntax.of(uid).canDecodePixelsInJava()).as(uid).isTrue();
        }
        TransferSyntax unknown = TransferSyntax.of("1.2.3.4");
        assertThat(unknown.explicitVr()).isTrue();
        assertThat(unknown.encapsulated()).isTrue();
        assertThat(unknown.canDecodePixelsInJava()).isFalse();
        assertThat(TransferSyntax.isKnown("1.2.3.4")).isFalse();
    }
}

package io.delineo.dicom.json;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tag;
import io.delineo.dicom.TestFiles;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data set -> DICOM JSON -> data set keeps every attribute of every conformance file: strings (trimmed) and
 * numbers by value, binary values byte for byte (inline base64, or through BulkDataURI and a resolver).
 * Encapsulated pixel data can only travel as a BulkDataURI to its frames and is left out here.
 */
class DicomJsonRoundTripTest {

    @TestFactory
    Stream<DynamicTest> jsonRoundTripKeepsValues() {
        return TestFiles.conformanceFiles().stream().filter(f -> !f.equals("badVR.dcm"))
                .map(f -> DynamicTest.dynamicTest(f, () -> roundTrip(f)));
    }

    private static void roundTrip(String file) {
        DicomFile dicom = DicomReader.read(TestFiles.pydicomFile(file));
        Map<String, byte[]> store = new HashMap<>();
        // every second binary value goes through a bulk data URI, the others inline
        BulkDataUriMapper mapper = (path, a) -> {
            if (a.isEncapsulated()) {
                return "skip:" + path;
            }
            if (store.size() % 2 == 0 || a.tag() == 0x7FE00010) {
                store.put("bulk:" + path, a.bytes());
                return "bulk:" + path;
            }
            store.put("inline:" + path, a.bytes());
            return null;
        };
        String json = DicomJson.toJson(dicom.dataset(), mapper);
        Dataset back = DicomJson.fromJson(json, (uri, tag, vr) -> uri.startsWith("skip:") ? null : store.get(uri));
        List<String> problems = new ArrayList<>();
        compare(dicom.dataset(), back, "", problems);
        assertThat(problems).as(file).isEmpty();
    }

    static void compare(Dataset a, Dataset b, String path, List<String> problems) {
        for (Attribute x : a) {
            if (Tag.isGroupLength(x.tag()) || x.isEncapsulated()) {
                continue;
            }
            String where = path + Tag.toString(x.tag());
            Attribute y = b.get(x.tag());
            if (y == null) {
                if (!x.isEmpty() || x.vr() != VR.SQ) {
                    problems.add(where + " missing");
                }
                continue;
            }
            if (x.vr() != y.vr()) {
                problems.add(where + " VR " + x.vr() + " became " + y.vr());
            } else if (x.isSequence()) {
                if (x.sequence().size() != y.sequence().size()) {
                    problems.add(where + " item count");
                    continue;
                }
                for (int i = 0; i < x.sequence().size(); i++) {
                    compare(x.sequence().get(i), y.sequence().get(i), where + "[" + i + "]", problems);
                }
            } else if (x.vr() == VR.DS || x.vr() == VR.IS) {
                if (!Arrays.equals(a.getDoubles(x.tag()), b.getDoubles(x.tag()))) {
                    problems.add(where + " numbers changed");
                }
            } else if (x.vr().isString()) {
                if (!Arrays.equals(a.getStrings(x.tag()), b.getStrings(x.tag()))) {
                    problems.add(where + " " + Arrays.toString(a.getStrings(x.tag())) + " became " + Arrays.toString(b.getStrings(x.tag())));
                }
            } else if (!Arrays.equals(x.bytes(), y.bytes())) {
                problems.add(where + " bytes changed");
            }
        }
    }

    @Test
    void personNamesNumbersAndEmptyValuesFollowPs318() {
        Dataset ds = new Dataset().setSpecificCharacterSet("ISO_IR 192")
                .setString(0x00100010, "Yamada^Tarou=山田^太郎=やまだ^たろう")
                .setString(0x00200011, "7")
                .setString(0x00280030, "0.5", "0.25")
                .setString(0x00080008, "ORIGINAL", "", "AXIAL")
                .setInt(0x00280010, 512)
                .setDouble(0x00189087, 1000.5);
        String json = DicomJson.toJson(ds, BulkDataUriMapper.INLINE);
        assertThat(json).contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]}")
                .contains("\"00200011\":{\"vr\":\"IS\",\"Value\":[7]}")
                .contains("\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,0.25]}")
                .contains("\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]}")
                .contains("\"00280010\":{\"vr\":\"US\",\"Value\":[512]}")
                .contains("\"00189087\":{\"vr\":\"FD\",\"Value\":[1000.5]}");
        Dataset back = DicomJson.fromJson(json, BulkDataResolver.FAIL);
        assertThat(back.getString(0x00100010)).isEqualTo("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertThat(back.getStrings(0x00080008)).containsExactly("ORIGINAL", "", "AXIAL");
    }

    @Test
    void nonAsciiTextWithoutCharacterSetBecomesUtf8() {
        String json = "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Müller^Jürgen\"}]}}";
        Dataset ds = DicomJson.fromJson(json, BulkDataResolver.FAIL);
        assertThat(ds.getString(0x00080005)).isEqualTo("ISO_IR 192");
        assertThat(ds.getString(0x00100010)).isEqualTo("Müller^Jürgen");
    }

    @Test
    void malformedJsonGivesAClearException() {
        assertThatThrownBy(() -> DicomJson.fromJson("{\"0010001\":{\"vr\":\"PN\"}}", BulkDataResolver.FAIL))
                .hasMessageContaining("not a tag");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00100010\":{\"vr\":\"XX\"}}", BulkDataResolver.FAIL))
                .hasMessageContaining("vr");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00100010\": [", BulkDataResolver.FAIL))
                .hasMessageContaining("invalid DICOM JSON");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"x\"}}", BulkDataResolver.FAIL))
                .hasMessageContaining("no resolver");
    }
}

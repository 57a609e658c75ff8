package io.delineo.dicom.json;

import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tag;
import io.delineo.dicom.TestFiles;
import io.delineo.dicom.io.DicomReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our DICOM JSON of every conformance file equals pydicom 2.3.1's to_json_dict output (goldens made once by
 * make_json_goldens.py), with every binary value mapped to "bulk:GGGGEEEE" on both sides. Numbers compare by value
 * (pydicom turns DS into floats: "239.531250000000" and 239.53125 are the same number).
 * Documented differences, normalised here: we leave out group length elements (gggg,0000) (retired); we trim the
 * insignificant trailing spaces of string values (pydicom keeps e.g. "DERIVED " of a padded multi-value); we omit
 * "Value" of an empty sequence (PS3.18 F.2.2: no Value for an empty attribute) where pydicom writes []; encapsulated
 * pixel data is OB for us (PS3.5 A.4) where pydicom repeats a header's OW.
 */
class DicomJsonGoldenTest {

    @TestFactory
    Stream<DynamicTest> jsonEqualsPydicom() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(TestFiles.resource("golden/json/index.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (line.startsWith("#") || !f[1].equals("ok")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(f[0], () -> check(f[0])));
        }
        return tests.stream();
    }

    static final BulkDataUriMapper BULK = (path, a) -> "bulk:" + Tag.toHex(a.tag());

    private static void check(String file) throws IOException {
        DicomFile dicom = DicomReader.read(TestFiles.pydicomFile(file));
        String ours = DicomJson.toJson(dicom.dataset(), BULK);
        Object expected = JsonParser.parse(Files.readString(TestFiles.resource("golden/json/" + file + ".json"), StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        compare(normalise(expected, "", dicom.transferSyntax().encapsulated()), JsonParser.parse(ours), "", problems);
        assertThat(problems).as(file).isEmpty();
    }

    /** Applies the documented normalisations to pydicom's tree. */
    @SuppressWarnings("unchecked")
    static Object normalise(Object node, String key, boolean encapsulated) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = (String) e.getKey();
                if (k.length() == 8 && k.endsWith("0000")) {
                    continue;
                }
                if (k.equals("Value") && e.getValue() instanceof List<?> l && l.isEmpty()) {
                    continue;
                }
                out.put(k, normalise(e.getValue(), k, encapsulated));
            }
            if (encapsulated && key.equals("7FE00010") && "OW".equals(out.get("vr"))) {
                out.put("vr", "OB");
            }
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(o -> normalise(o, key, encapsulated)).toList();
        }
        if (node instanceof String s && !key.equals("BulkDataURI") && !key.equals("InlineBinary")) {
            return s.replaceAll(" +$", "");
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static void compare(Object expected, Object actual, String path, List<String> problems) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                if (!a.containsKey(entry.getKey())) {
                    problems.add(path + "/" + entry.getKey() + " missing");
                } else {
                    compare(entry.getValue(), a.get(entry.getKey()), path + "/" + entry.getKey(), problems);
                }
            }
            for (Object key : a.keySet()) {
                if (!e.containsKey(key)) {
                    problems.add(path + "/" + key + " extra: " + a.get(key));
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                problems.add(path + " has " + a.size() + " values, pydicom " + e.size() + ": " + abbreviate(a) + " vs " + abbreviate(e));
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(e.get(i), a.get(i), path + "[" + i + "]", problems);
            }
        } else if (expected instanceof JsonNumber en && actual instanceof JsonNumber an) {
            BigDecimal e = en.decimal();
            BigDecimal a = an.decimal();
            double x = e.doubleValue();
            double y = a.doubleValue();
            if (e.compareTo(a) != 0 && Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x))) {
                problems.add(path + " = " + a + ", pydicom " + e);
            }
        } else if (expected == null ? actual != null : !expected.equals(actual)) {
            problems.add(path + " = " + abbreviate(actual) + ", pydicom " + abbreviate(expected));
        }
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}

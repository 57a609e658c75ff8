package io.delineo.dicom;

import io.delineo.dicom.io.DicomReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conformance: every attribute (file meta, data set, nested items, fragments, native pixel data via SHA-256 of the
 * printed value) of every pydicom test file equals what dcmtk's dcmdump printed (goldens made once by
 * src/test/scripts/dicom/make_dcmdump_goldens.py). Text is compared after removing the padding/space that dcmtk
 * strips when printing. Files dcmdump itself cannot read are checked separately below.
 */
class DcmdumpConformanceTest {

    @TestFactory
    Stream<DynamicTest> parsedAttributesEqualDcmdump() {
        return TestFiles.goldenIndex().stream().filter(TestFiles.IndexEntry::hasGolden)
                .map(e -> DynamicTest.dynamicTest(e.file(), () -> compare(e)));
    }

    static void compare(TestFiles.IndexEntry entry) throws IOException {
        DicomFile file;
        try {
            file = DicomReader.read(TestFiles.pydicomFile(entry.file()));
        } catch (DicomException e) {
            throw new AssertionError(entry.file() + ": " + e.getMessage(), e);
        }
        List<String> problems = compareWithGolden(entry, file);
        assertThat(problems).as("differences from dcmdump for " + entry.file()).isEmpty();
    }

    /** Differences between a parsed object and the dcmdump golden of a file (empty when equal). */
    static List<String> compareWithGolden(TestFiles.IndexEntry entry, DicomFile file) throws IOException {
        boolean rawText = entry.status().equals("ok-raw-text");
        Charset goldenCharset = rawText ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        Path golden = TestFiles.resource("golden/dcmdump/" + entry.file() + ".tsv");
        Map<String, String[]> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(golden, goldenCharset)) {
            String[] f = line.split("\t", -1);
            expected.put(f[0], f);
        }
        Map<String, DumpRenderer.Row> ours = new DumpRenderer(rawText).rows(file);
        List<String> problems = new ArrayList<>();
        for (String[] g : expected.values()) {
            String path = g[0];
            DumpRenderer.Row o = ours.remove(path);
            if (o == null) {
                problems.add(path + ": missing (dcmdump: " + g[1] + " " + abbreviate(g[3]) + ")");
                continue;
            }
            String vr = switch (g[1]) {
                case "up" -> "UL";
                case "??" -> "UN";
                default -> g[1];
            };
            if (!vr.equals(o.vr())) {
                problems.add(path + ": VR " + o.vr() + " but dcmdump says " + g[1]);
                continue;
            }
            if (oddLengthPaddedByDcmtk(g, o)) {
                continue;
            }
            if (!o.length().isEmpty() && !g[2].equals("u/l") && !vr.equals("SQ") && !g[2].equals(o.length())) {
                problems.add(path + ": length " + o.length() + " but dcmdump says " + g[2]);
            }
            if (!valuesEqual(vr, g[3], o, goldenCharset)) {
                problems.add(path + ": value '" + abbreviate(o.value()) + "' but dcmdump says '" + abbreviate(g[3]) + "'");
            }
        }
        for (String extra : ours.keySet()) {
            problems.add(extra + ": present in our parse but not in dcmdump's");
        }
        return problems;
    }

    /**
     * Documented exclusion: dcmtk pads an odd-length OB/UN value with a NUL when loading it; we keep the bytes as
     * read (nested_priv_SQ.dcm has a 9-byte value). Accept exactly that difference.
     */
    private static boolean oddLengthPaddedByDcmtk(String[] golden, DumpRenderer.Row ours) {
        if (ours.attribute() == null || ours.length().isEmpty() || golden[2].equals("u/l")) {
            return false;
        }
        int our = Integer.parseInt(ours.length());
        return our % 2 == 1 && Integer.parseInt(golden[2]) == our + 1
                && (ours.vr().equals("UN") || ours.vr().equals("OB")) && golden[3].equals(ours.value() + "\\00");
    }

    private static boolean valuesEqual(String vr, String golden, DumpRenderer.Row ours, Charset charset) {
        switch (vr) {
            case "SQ", "item":
                return golden.equals(ours.value());
            case "FL", "FD", "OF", "OD":
                return numbersEqual(golden, ours.value(), vr.equals("FL") || vr.equals("OF"));
            default:
                break;
        }
        VR v = VR.fromCode(vr);
        if (v != null && v.isString()) {
            String ourText = ours.value();
            if (golden.startsWith("sha256:")) {
                for (String candidate : new String[] {ourText, trimTrailing(ourText), normaliseText(ourText, v)}) {
                    if (DumpRenderer.goldenForm(candidate, vr, charset).equals(golden)) {
                        return true;
                    }
                }
                return false;
            }
            return normaliseText(unescape(golden), v).equals(normaliseText(ourText, v));
        }
        return DumpRenderer.goldenForm(ours.value(), vr, charset).equals(golden);
    }

    private static boolean numbersEqual(String golden, String ours, boolean single) {
        if (golden.isEmpty() || ours.isEmpty()) {
            return golden.isEmpty() && ours.isEmpty();
        }
        String[] g = golden.split("\\\\");
        String[] o = ours.split("\\\\");
        if (g.length != o.length) {
            return false;
        }
        for (int i = 0; i < g.length; i++) {
            double a = Double.parseDouble(g[i]);
            double b = Double.parseDouble(o[i]);
            double tolerance = (single ? 1e-6 : 1e-14) * Math.max(1, Math.abs(a));
            if (!(a == b || Math.abs(a - b) <= tolerance || Double.isNaN(a) && Double.isNaN(b))) {
                return false;
            }
        }
        return true;
    }

    /** dcmtk prints text without leading/trailing spaces and NUL padding of each value. */
    static String normaliseText(String text, VR vr) {
        String[] parts = vr.kind() == VR.Kind.STRINGS ? text.split("\\\\", -1) : new String[] {text};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                s.append('\\');
            }
            s.append(parts[i].replaceAll("^[ \\x00]+|[ \\x00]+$", ""));
        }
        return s.toString();
    }

    private static String trimTrailing(String text) {
        return text.replaceAll("[ \\x00]+$", "");
    }

    private static String unescape(String golden) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < golden.length(); i++) {
            char c = golden.charAt(i);
            if (c == '%' && i + 2 < golden.length() + 0 && i + 2 <= golden.length() - 1) {
                s.append((char) Integer.parseInt(golden.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Test
    void filesDcmdumpCannotReadAreRefusedOrDocumented() {
        // truncated files: dcmdump reports premature end of stream, and so do we
        for (String truncated : List.of("MR_truncated.dcm", "rtplan_truncated.dcm")) {
            assertThatThrownBy(() -> DicomReader.read(TestFiles.pydicomFile(truncated)))
                    .as(truncated).isInstanceOf(DicomParseException.class).hasMessageContaining("exceeds the");
        }
        // no_meta.dcm starts with a stray byte (its first "element" is (0820,0500) with a length of 173 MB)
        assertThatThrownBy(() -> DicomReader.read(TestFiles.pydicomFile("no_meta.dcm")))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("not a DICOM file");
        // SC_rgb_jpeg.dcm declares JPEG Baseline (explicit VR) but its data set is implicit VR: we detect that
        // (as pydicom does); dcmdump fails on it
        DicomFile sc = DicomReader.read(TestFiles.pydicomFile("SC_rgb_jpeg.dcm"));
        assertThat(sc.transferSyntax()).isEqualTo(TransferSyntax.JPEG_BASELINE);
        assertThat(sc.dataset().getInt(Tags.Rows, 0)).isEqualTo(256);
        assertThat(sc.dataset().getString(Tags.PhotometricInterpretation)).isEqualTo("RGB");
        assertThat(sc.dataset().getFragments(Tags.PixelData).size()).isEqualTo(1);
    }

    @Test
    void nonDicomFilesAreRefusedWithAParseException() {
        for (TestFiles.IndexEntry e : TestFiles.goldenIndex()) {
            if (e.status().equals("not-dicom")) {
                assertThatThrownBy(() -> DicomReader.read(TestFiles.pydicomFile(e.file())))
                        .as(e.file()).isInstanceOf(DicomParseException.class);
            }
        }
    }
}

package io.delineo.radiomics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows of an IBSI reference-value CSV (quoted fields allowed, UTF-8 BOM stripped). */
public record IbsiReference(String family, String feature, String value, double tolerance, String tag) {

    public static List<IbsiReference> read(Path csv) throws IOException {
        List<IbsiReference> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = split(line.replace("\uFEFF", ""));
            if (f.length < 10 || f[0].equals("dataset") || f[4].isBlank()) continue;
            out.add(new IbsiReference(f[1], f[2], f[4].trim(), f[5].isBlank() ? 0 : Double.parseDouble(f[5].trim()),
                    f[f.length - 1].trim()));
        }
        return out;
    }

    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else b.append(c);
        }
        out.add(b.toString());
        return out.toArray(new String[0]);
    }

    /** The tag's family prefix, e.g. "cm" for "cm_joint_max_2D_avg". */
    public String familyPrefix() { return tag.substring(0, tag.indexOf('_')); }
}

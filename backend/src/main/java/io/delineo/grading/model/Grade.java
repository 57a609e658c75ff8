package io.delineo.grading.model;

/** WHO grade of a pancreatic neuroendocrine neoplasm (from Ki-67 index and mitotic count). */
public enum Grade {
    G1, G2, G3;

    /** Accepts "G1", "g2", "3" (surrounding blanks ignored). */
    public static Grade parse(String s) {
        if (s != null) {
            String t = s.trim().toUpperCase(java.util.Locale.ROOT);
            if (t.length() == 1) t = "G" + t;
            for (Grade g : values()) if (g.name().equals(t)) return g;
        }
        throw new IllegalArgumentException("unknown grade \"" + s + "\"; expected G1, G2 or G3");
    }
}

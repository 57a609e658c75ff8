package io.delineo.radiomics.settings;

/** IBSI intensity discretisation: fixed bin size (width in intensity units) or fixed bin number. */
public enum DiscretisationMethod {
    FBS, FBN;

    static DiscretisationMethod parse(String field, String s) {
        for (DiscretisationMethod m : values()) if (m.name().equals(s)) return m;
        throw new SettingsException("\"" + field + ".method\" must be \"FBS\" or \"FBN\", got \"" + s + "\"");
    }
}

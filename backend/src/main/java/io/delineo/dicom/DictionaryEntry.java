package io.delineo.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the PS3.6 data dictionary.
 *
 * @param pattern  tag as written in the registry, e.g. "00100010" or "60xx3000" for repeating groups
 * @param vrs      allowed VRs in registry order ("US or SS" gives [US, SS]); empty for items and delimiters (VR "NONE")
 * @param vm       value multiplicity as registered ("1", "1-n", "2-2n", ...)
 * @param keyword  e.g. "PatientName"
 * @param name     e.g. "Patient's Name"
 * @param retired  true when the registry marks the attribute retired
 */
public record DictionaryEntry(String pattern, List<VR> vrs, String vm, String keyword, String name, boolean retired) {

    public DictionaryEntry {
        if (pattern == null || pattern.length() != 8) {
            throw new IllegalArgumentException("dictionary tag pattern must have 8 digits: " + pattern);
        }
        vrs = List.copyOf(vrs);
    }

    /** The VR used when nothing else decides: the first registered one, UN when there is none. */
    public VR vr() {
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }

    /** "US or SS" style text of the allowed VRs. */
    public String vrText() {
        if (vrs.isEmpty()) {
            return "NONE";
        }
        List<String> names = new ArrayList<>();
        vrs.forEach(v -> names.add(v.name()));
        return String.join(" or ", names);
    }

    public boolean isRepeating() {
        return pattern.indexOf('x') >= 0;
    }
}

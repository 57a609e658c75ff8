package io.delineo.interop.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PS3.15 Table E.1-1 (Application Level Confidentiality Profile Attributes), loaded from
 * {@code confidentiality-profile.tsv} beside this class (provenance in its README). Tags with "x" digits
 * (curves 50xx, overlays 60xx) match through masks.
 */
public final class ConfidentialityProfile {
    private static final String RESOURCE = "/io/delineo/interop/deid/confidentiality-profile.tsv";
    private static final ConfidentialityProfile STANDARD = load();

    /** One row: tag (with mask for repeating groups), Basic Profile action, option actions and the name. */
    public record Entry(int tag, int mask, ProfileAction basic, Map<ProfileOption, ProfileAction> options, String name) {
        public Entry {
            options = Collections.unmodifiableMap(new EnumMap<>(options.isEmpty()
                    ? new EnumMap<>(ProfileOption.class) : options));
        }

        public boolean matches(int t) {
            return (t & mask) == tag;
        }
    }

    private final List<Entry> entries;
    private final Map<Integer, Entry> exact = new HashMap<>();
    private final List<Entry> masked = new ArrayList<>();

    private ConfidentialityProfile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            if (e.mask() == 0xFFFFFFFF) exact.put(e.tag(), e);
            else masked.add(e);
        }
    }

    public static ConfidentialityProfile standard() {
        return STANDARD;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The row for a (non-private) tag, or null when the profile does not list it (then it is kept). */
    public Entry entry(int tag) {
        Entry e = exact.get(tag);
        if (e != null) return e;
        for (Entry m : masked) if (m.matches(tag)) return m;
        return null;
    }

    private static ConfidentialityProfile load() {
        try (InputStream in = ConfidentialityProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Entry> entries = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 4) throw new IllegalStateException(RESOURCE + " line " + number + ": expected 4 columns");
                entries.add(parse(f, number));
            }
            return new ConfidentialityProfile(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry parse(String[] f, int line) {
        String pattern = f[0];
        if (pattern.length() != 8) throw new IllegalStateException(RESOURCE + " line " + line + ": bad tag " + pattern);
        int tag = 0, mask = 0;
        for (char c : pattern.toCharArray()) {
            tag <<= 4;
            mask <<= 4;
            if (c != 'x') {
                tag |= Character.digit(c, 16);
                mask |= 0xF;
            }
        }
        Map<ProfileOption, ProfileAction> options = new EnumMap<>(ProfileOption.class);
        if (!f[2].isEmpty()) {
            for (String kv : f[2].split(",")) {
                String[] p = kv.split("=");
                options.put(ProfileOption.ofKey(p[0]), ProfileAction.of(p[1]));
            }
        }
        return new Entry(tag, mask, ProfileAction.of(f[1]), options, f[3]);
    }
}

package io.delineo.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PS3.6 data dictionary, loaded once from {@code dictionary.tsv} (generated from pydicom's registry by
 * {@code backend/src/main/dictionary/generate_dictionary.py}). Tags with repeating digits such as (60xx,3000) match
 * through masks.
 */
public final class DicomDictionary {
    private static final String RESOURCE = "/io/delineo/dicom/dictionary.tsv";
    private static final DicomDictionary STANDARD = load();

    private final Map<Integer, DictionaryEntry> byTag;
    private final Map<String, DictionaryEntry> byKeyword;
    private final List<Repeater> repeaters;
    private final List<DictionaryEntry> all;

    private record Repeater(int mask, int value, DictionaryEntry entry) {
    }

    private DicomDictionary(List<DictionaryEntry> entries) {
        Map<Integer, DictionaryEntry> tags = new HashMap<>();
        Map<String, DictionaryEntry> keywords = new HashMap<>();
        List<Repeater> masks = new ArrayList<>();
        for (DictionaryEntry entry : entries) {
            if (entry.isRepeating()) {
                int mask = 0;
                int value = 0;
                for (int i = 0; i < 8; i++) {
                    char c = entry.pattern().charAt(i);
                    mask <<= 4;
                    value <<= 4;
                    if (c != 'x') {
                        mask |= 0xF;
                        value |= Character.digit(c, 16);
                    }
                }
                masks.add(new Repeater(mask, value, entry));
            } else {
                tags.put((int) Long.parseLong(entry.pattern(), 16), entry);
            }
            if (!entry.keyword().isEmpty()) {
                keywords.putIfAbsent(entry.keyword(), entry);
            }
        }
        this.byTag = Map.copyOf(tags);
        this.byKeyword = Map.copyOf(keywords);
        this.repeaters = List.copyOf(masks);
        this.all = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public static DicomDictionary standard() {
        return STANDARD;
    }

    /** The registry entry for a tag, or null for private and unknown tags. */
    public DictionaryEntry entry(int tag) {
        DictionaryEntry exact = byTag.get(tag);
        if (exact != null) {
            return exact;
        }
        if (Tag.isPrivate(tag)) {
            return null;
        }
        for (Repeater r : repeaters) {
            if ((tag & r.mask) == r.value) {
                return r.entry;
            }
        }
        return null;
    }

    public DictionaryEntry entry(String keyword) {
        return byKeyword.get(keyword);
    }

    /** Tag for a keyword, e.g. "PatientName" gives 0x00100010; throws for unknown or repeating keywords. */
    public int tagOf(String keyword) {
        DictionaryEntry entry = byKeyword.get(keyword);
        if (entry == null || entry.isRepeating()) {
            throw new IllegalArgumentException("no (non-repeating) DICOM attribute with keyword '" + keyword + "'");
        }
        return (int) Long.parseLong(entry.pattern(), 16);
    }

    /**
     * VR to assume when the encoding does not say (implicit VR): group lengths are UL, private creators LO,
     * unknown and private tags UN, otherwise the first registered VR.
     */
    public VR vrOf(int tag) {
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        DictionaryEntry entry = entry(tag);
        return entry == null ? VR.UN : entry.vr();
    }

    public String keywordOf(int tag) {
        DictionaryEntry entry = entry(tag);
        return entry == null ? "" : entry.keyword();
    }

    public int size() {
        return all.size();
    }

    public List<DictionaryEntry> entries() {
        return all;
    }

    private static DicomDictionary load() {
        try (InputStream in = DicomDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("DICOM dictionary resource " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<DictionaryEntry> entries = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 6) {
                    throw new IllegalStateException("malformed dictionary line: " + line);
                }
                entries.add(new DictionaryEntry(f[0], parseVrs(f[1]), f[2], f[3], f[4], "R".equals(f[5])));
            }
            return new DicomDictionary(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DICOM dictionary " + RESOURCE, e);
        }
    }

    private static List<VR> parseVrs(String text) {
        List<VR> vrs = new ArrayList<>();
        for (String part : text.split(" or ")) {
            VR vr = VR.fromCode(part.trim());
            if (vr != null) {
                vrs.add(vr);
            }
        }
        return vrs;
    }
}

package io.delineo.archive.web;

import io.delineo.dicom.DicomDictionary;
import io.delineo.dicom.DictionaryEntry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed QIDO-RS request (PS3.18 8.3.4): attribute matches by keyword or tag, {@code includefield},
 * {@code limit}/{@code offset}. Unknown or unsupported parameters are refused with a message, not ignored.
 */
public record QidoQuery(Level level, List<Match> matches, Set<Integer> includeFields, boolean includeAll, int limit,
                        int offset) {

    public enum Level { STUDY, SERIES, INSTANCE }

    /** How a field matches: UID lists, strings with * and ? wildcards, person names (case-insensitive), ranges. */
    public enum Kind { UID, STRING, PN, DATE, TIME, INTEGER, MODALITIES }

    /** A matchable attribute, the table column behind it and the lowest level it belongs to. */
    public record Field(int tag, Level level, String column, Kind kind, String vr) {
    }

    public record Match(Field field, String value) {
    }

    public static final int MAX_LIMIT = 1000;

    static final Map<Integer, Field> FIELDS = Map.ofEntries(
            field(0x0020000D, Level.STUDY, "st.study_instance_uid", Kind.UID, "UI"),
            field(0x00100020, Level.STUDY, "p.patient_id", Kind.STRING, "LO"),
            field(0x00100010, Level.STUDY, "p.patient_name", Kind.PN, "PN"),
            field(0x00100030, Level.STUDY, "p.birth_date", Kind.DATE, "DA"),
            field(0x00100040, Level.STUDY, "p.sex", Kind.STRING, "CS"),
            field(0x00080020, Level.STUDY, "st.study_date", Kind.DATE, "DA"),
            field(0x00080030, Level.STUDY, "st.study_time", Kind.TIME, "TM"),
            field(0x00080050, Level.STUDY, "st.accession_number", Kind.STRING, "SH"),
            field(0x00200010, Level.STUDY, "st.study_id", Kind.STRING, "SH"),
            field(0x00081030, Level.STUDY, "st.study_description", Kind.STRING, "LO"),
            field(0x00080090, Level.STUDY, "st.referring_physician", Kind.PN, "PN"),
            field(0x00080061, Level.STUDY, "modalities", Kind.MODALITIES, "CS"),
            field(0x0020000E, Level.SERIES, "se.series_instance_uid", Kind.UID, "UI"),
            field(0x00080060, Level.SERIES, "se.modality", Kind.STRING, "CS"),
            field(0x00200011, Level.SERIES, "se.series_number", Kind.INTEGER, "IS"),
            field(0x0008103E, Level.SERIES, "se.series_description", Kind.STRING, "LO"),
            field(0x00080021, Level.SERIES, "se.series_date", Kind.DATE, "DA"),
            field(0x00180015, Level.SERIES, "se.body_part_examined", Kind.STRING, "CS"),
            field(0x00200052, Level.SERIES, "se.frame_of_reference_uid", Kind.UID, "UI"),
            field(0x00080018, Level.INSTANCE, "i.sop_instance_uid", Kind.UID, "UI"),
            field(0x00080016, Level.INSTANCE, "i.sop_class_uid", Kind.UID, "UI"),
            field(0x00200013, Level.INSTANCE, "i.instance_number", Kind.INTEGER, "IS"));

    private static Map.Entry<Integer, Field> field(int tag, Level level, String column, Kind kind, String vr) {
        return Map.entry(tag, new Field(tag, level, column, kind, vr));
    }

    /** Parses request parameters for a search at {@code level}. */
    public static QidoQuery parse(Level level, Map<String, List<String>> params) {
        List<Match> matches = new ArrayList<>();
        Set<Integer> include = new LinkedHashSet<>();
        boolean all = false;
        int limit = 100, offset = 0;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            for (String value : e.getValue()) {
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "limit" -> limit = number("limit", value, 1, MAX_LIMIT);
                    case "offset" -> offset = number("offset", value, 0, Integer.MAX_VALUE);
                    case "fuzzymatching" -> {
                        if (!value.equalsIgnoreCase("false")) {
                            throw new IllegalArgumentException("fuzzymatching is not supported by this archive");
                        }
                    }
                    case "includefield" -> {
                        for (String f : value.split(",")) {
                            if (f.trim().equalsIgnoreCase("all")) all = true;
                            else if (!f.isBlank()) include.add(tagOf(f.trim()));
                        }
                    }
                    default -> {
                        int tag = tagOf(key);
                        Field field = FIELDS.get(tag);
                        if (field == null || field.level().ordinal() > level.ordinal()) {
                            throw new IllegalArgumentException("matching on " + key + " is not supported at the "
                                    + level.name().toLowerCase(Locale.ROOT) + " level");
                        }
                        matches.add(new Match(field, value.trim()));
                    }
                }
            }
        }
        return new QidoQuery(level, matches, include, all, limit, offset);
    }

    /** A keyword (PatientID) or eight hex digits (00100020). */
    static int tagOf(String keywordOrTag) {
        if (keywordOrTag.matches("[0-9A-Fa-f]{8}")) return (int) Long.parseLong(keywordOrTag, 16);
        DictionaryEntry entry = DicomDictionary.standard().entry(keywordOrTag);
        if (entry == null) throw new IllegalArgumentException("unknown attribute '" + keywordOrTag + "'");
        return DicomDictionary.standard().tagOf(keywordOrTag);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", got '" + value + "'");
        }
    }
}

package io.delineo.archive.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns QIDO matches into SQL conditions with bound parameters (PS3.4 C.2.2.2 matching rules). */
final class QidoSql {
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern TIME = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");

    final List<String> conditions = new ArrayList<>();
    final List<Object> params = new ArrayList<>();

    void add(QidoQuery.Match m) {
        String v = m.value();
        if (v.isEmpty()) return; // universal matching: no constraint, attribute returned
        QidoQuery.Field f = m.field();
        switch (f.kind()) {
            case UID -> {
                conditions.add(f.column() + " = ANY(?)");
                params.add(v.split("[,\\\\]"));
            }
            case STRING -> string(f.column(), v, false);
            case PN -> string(f.column(), v, true);
            case DATE -> range(f.column(), v, DATE, "date (YYYYMMDD)");
            case TIME -> range(f.column(), v, TIME, "time (HHMMSS)");
            case INTEGER -> {
                try {
                    params.add(Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + v + "' is not a whole number");
                }
                conditions.add(f.column() + " = ?");
            }
            case MODALITIES -> {
                conditions.add("EXISTS (SELECT 1 FROM series m WHERE m.study_fk = st.id AND m.modality = ANY(?))");
                params.add(v.split("[,\\\\]"));
            }
        }
    }

    /** A condition on visibility (readers): the given series column must be among the visible UIDs. */
    void visible(String seriesColumn, java.util.Set<String> visibleSeries) {
        if (visibleSeries == null) return;
        conditions.add(seriesColumn + " = ANY(?)");
        params.add(visibleSeries.toArray(new String[0]));
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private void string(String column, String v, boolean caseInsensitive) {
        if (v.contains("*") || v.contains("?")) {
            StringBuilder like = new StringBuilder();
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '*' -> like.append('%');
                    case '?' -> like.append('_');
                    case '%', '_', '\\' -> like.append('\\').append(c);
                    default -> like.append(c);
                }
            }
            conditions.add(column + (caseInsensitive ? " ILIKE ?" : " LIKE ?") + " ESCAPE '\\'");
            params.add(like.toString());
        } else if (caseInsensitive) {
            conditions.add("lower(" + column + ") = lower(?)");
            params.add(v);
        } else {
            conditions.add(column + " = ?");
            params.add(v);
        }
    }

    private void range(String column, String v, Pattern format, String what) {
        int dash = v.indexOf('-');
        String from = dash < 0 ? v : v.substring(0, dash).trim();
        String to = dash < 0 ? v : v.substring(dash + 1).trim();
        for (String bound : new String[]{from, to}) {
            if (!bound.isEmpty() && !format.matcher(bound).matches()) {
                throw new IllegalArgumentException("'" + v + "' is not a " + what + " or range of them");
            }
        }
        if (dash < 0) {
            conditions.add(column + " = ?");
            params.add(v);
            return;
        }
        if (!from.isEmpty()) {
            conditions.add(column + " COLLATE \"C\" >= ?");
            params.add(from);
        }
        if (!to.isEmpty()) {
            // compare on the bound's precision, so "-1200" includes 120059.5
            conditions.add("left(" + column + ", ?) <= ?");
            params.add(to.length());
            params.add(to);
        }
    }
}

package io.delineo.archive.web;

import io.delineo.archive.ArchiveAccess;
import io.delineo.archive.ArchiveFiles;
import io.delineo.audit.AccessRecorder;
import io.delineo.audit.AuditAction;
import io.delineo.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves what a WADO request may retrieve (access checked; the access audited, its first read in a window on record
 * before anything is served) into stored files and metadata; the resource streams the bytes after the transaction.
 */
@ApplicationScoped
public class WadoService {
    /**
     * One stored instance; {@code frameRanges} are the {offset, length} pairs of its frames in the stored file, or
     * null when they were not recorded (then the object is parsed).
     */
    public record StoredInstance(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid,
                                 String transferSyntaxUid, Path file, long size, String sha256, long[] frameRanges) {
    }

    @Inject
    EntityManager em;
    @Inject
    ArchiveAccess access;
    @Inject
    AccessRecorder accesses;
    @Inject
    ArchiveFiles store;

    /** Instances of a study, a series or one instance (null narrows nothing), for {@code what} is being retrieved. */
    @Transactional
    public List<StoredInstance> instances(String study, String series, String sop, String what) {
        List<Row> rows = rows(study, series, sop, false);
        audit(rows, what, false);
        List<StoredInstance> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new StoredInstance(r.study, r.series, r.sop, r.sopClass, r.ts, store.file(r.sha), r.size, r.sha,
                    r.frameRanges));
        }
        return out;
    }

    /** Stored DICOM JSON of the same selection, as one JSON array. */
    @Transactional
    public String metadata(String study, String series, String sop) {
        List<Row> rows = rows(study, series, sop, true);
        audit(rows, "metadata", true);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(rows.get(i).metadata);
        }
        return sb.append(']').toString();
    }

    private record Row(String study, String series, String sop, String sopClass, String ts, String sha, long size,
                       long[] frameRanges, String metadata) {
    }

    private List<Row> rows(String study, String series, String sop, boolean withMetadata) {
        if (series != null) access.requireSeries(series, AuditAction.DICOM_RETRIEVE);
        Set<String> visible = access.visibleSeries();
        List<Row> rows = em.unwrap(Session.class).doReturningWork(c -> {
            StringBuilder sql = new StringBuilder("""
                    SELECT st.study_instance_uid, se.series_instance_uid, i.sop_instance_uid, i.sop_class_uid,
                           i.transfer_syntax_uid, i.file_sha256, i.file_size, i.frame_ranges""")
                    .append(withMetadata ? ", i.metadata_json" : "")
                    .append(" FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk")
                    .append(" WHERE st.study_instance_uid = ?");
            List<Object> params = new ArrayList<>(List.of(study));
            if (series != null) { sql.append(" AND se.series_instance_uid = ?"); params.add(series); }
            if (sop != null) { sql.append(" AND i.sop_instance_uid = ?"); params.add(sop); }
            if (visible != null) { sql.append(" AND se.series_instance_uid = ANY(?)"); params.add(visible); }
            sql.append(" ORDER BY se.id, i.instance_number NULLS LAST, i.id");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof Set<?> s) ps.setArray(i + 1, c.createArrayOf("text", s.toArray()));
                    else ps.setString(i + 1, (String) p);
                }
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), longs(rs.getArray(8)),
                                withMetadata ? rs.getString(9) : null));
                    }
                }
                return out;
            }
        });
        if (rows.isEmpty()) {
            throw Refusal.notFound("no " + (sop != null ? "instance " + sop : series != null ? "series " + series
                    : "study " + study) + " in the archive" + (visible != null ? " that is assigned to you" : ""));
        }
        return rows;
    }

    private static long[] longs(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) return null;
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).longValue();
        return out;
    }

    /**
     * Image reads are audited per user, series and access window ({@link AccessRecorder}), not per request: the
     * viewer fetches a series frame by frame, and readers must not queue behind each other on the chain lock.
     */
    private void audit(List<Row> rows, String what, boolean metadata) {
        int frames = what.startsWith("frames ") ? what.substring("frames ".length()).split(",").length : 0;
        Map<String, List<String>> bySeries = new LinkedHashMap<>();
        Map<String, String> studyOf = new LinkedHashMap<>();
        for (Row r : rows) {
            bySeries.computeIfAbsent(r.series, s -> new ArrayList<>()).add(r.sop);
            studyOf.put(r.series, r.study);
        }
        for (Map.Entry<String, List<String>> e : bySeries.entrySet()) {
            if (metadata) accesses.metadataServed(studyOf.get(e.getKey()), e.getKey(), e.getValue());
            else accesses.instancesServed(studyOf.get(e.getKey()), e.getKey(), e.getValue(), frames);
        }
    }
}

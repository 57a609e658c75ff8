package io.delineo.archive.web;

import io.delineo.archive.ArchiveAccess;
import io.delineo.archive.ArchiveFiles;
import io.delineo.audit.AuditTrail;
import io.delineo.platform.ApiException;
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
 * Resolves what a WADO request may retrieve (access checked, audited in the same transaction) into stored files and
 * metadata; the resource streams the bytes after the transaction.
 */
@ApplicationScoped
public class WadoService {
    public record StoredInstance(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid,
                                 String transferSyntaxUid, Path file, long size) {
    }

    @Inject
    EntityManager em;
    @Inject
    ArchiveAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    ArchiveFiles store;

    /** Instances of a study, a series or one instance (null narrows nothing), for {@code what} is being retrieved. */
    @Transactional
    public List<StoredInstance> instances(String study, String series, String sop, String what) {
        List<Row> rows = rows(study, series, sop, false);
        audit(study, series, sop, what, rows.size());
        List<StoredInstance> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new StoredInstance(r.study, r.series, r.sop, r.sopClass, r.ts, store.file(r.sha), r.size));
        }
        return out;
    }

    /** Stored DICOM JSON of the same selection, as one JSON array. */
    @Transactional
    public String metadata(String study, String series, String sop) {
        List<Row> rows = rows(study, series, sop, true);
        audit(study, series, sop, "metadata", rows.size());
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(rows.get(i).metadata);
        }
        return sb.append(']').toString();
    }

    private record Row(String study, String series, String sop, String sopClass, String ts, String sha, long size,
                       String metadata) {
    }

    private List<Row> rows(String study, String series, String sop, boolean withMetadata) {
        if (series != null) access.requireSeries(series, "DICOM_RETRIEVE");
        Set<String> visible = access.visibleSeries();
        List<Row> rows = em.unwrap(Session.class).doReturningWork(c -> {
            StringBuilder sql = new StringBuilder("""
                    SELECT st.study_instance_uid, se.series_instance_uid, i.sop_instance_uid, i.sop_class_uid,
                           i.transfer_syntax_uid, i.file_sha256, i.file_size""")
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
                                rs.getString(5), rs.getString(6), rs.getLong(7), withMetadata ? rs.getString(8) : null));
                    }
                }
                return out;
            }
        });
        if (rows.isEmpty()) {
            throw ApiException.notFound("no " + (sop != null ? "instance " + sop : series != null ? "series " + series
                    : "study " + study) + " in the archive" + (visible != null ? " that is assigned to you" : ""));
        }
        return rows;
    }

    private void audit(String study, String series, String sop, String what, int count) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("study", study);
        details.put("series", series);
        details.put("retrieved", what);
        details.put("instances", count);
        String type = sop != null ? "instance" : series != null ? "series" : "study";
        audit.success("DICOM_RETRIEVE", type, sop != null ? sop : series != null ? series : study, details);
    }
}

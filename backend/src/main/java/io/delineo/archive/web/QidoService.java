package io.delineo.archive.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delineo.archive.ArchiveAccess;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.dicom.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs QIDO-RS searches against the index and answers in DICOM JSON; every search is audited. */
@ApplicationScoped
public class QidoService {
    @Inject
    EntityManager em;
    @Inject
    ArchiveAccess access;
    @Inject
    AuditTrail audit;

    private static final String STUDY_COLUMNS = """
            st.id AS study_pk, st.study_instance_uid, st.study_date, st.study_time, st.accession_number, st.study_id,
            st.study_description, st.referring_physician, p.patient_id, p.patient_name, p.birth_date, p.sex""";
    private static final String SERIES_COLUMNS = """
            se.id AS series_pk, se.series_instance_uid, se.modality, se.series_number, se.series_description,
            se.series_date, se.series_time, se.body_part_examined, se.frame_of_reference_uid""";
    private static final String FROM_SERIES = " FROM series se JOIN study st ON st.id = se.study_fk"
            + " JOIN patient p ON p.id = st.patient_fk";

    @Transactional
    public String search(QidoQuery q, String studyUid, String seriesUid, String base) {
        Set<String> visible = access.visibleSeries();
        List<DicomJsonBuilder> results = em.unwrap(Session.class).doReturningWork(c -> switch (q.level()) {
            case STUDY -> studies(c, q, visible, base);
            case SERIES -> series(c, q, studyUid, visible, base);
            case INSTANCE -> instances(c, q, studyUid, seriesUid, visible, base);
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", q.level().name());
        details.put("study", studyUid);
        details.put("series", seriesUid);
        details.put("matches", q.matches().stream().map(m -> DicomJsonBuilder.tag(m.field().tag()) + "=" + m.value()).toList());
        details.put("results", results.size());
        audit.success(AuditAction.DICOM_SEARCH, seriesUid != null ? seriesUid : studyUid, details);
        return DicomJsonBuilder.array(results);
    }

    private List<DicomJsonBuilder> studies(Connection c, QidoQuery q, Set<String> visible, String base) throws SQLException {
        QidoSql sql = conditions(q);
        String visibleSeries = visible == null ? "" : " AND v.series_instance_uid = ANY(?)";
        if (visible != null) {
            sql.conditions.add("EXISTS (SELECT 1 FROM series v WHERE v.study_fk = st.id" + visibleSeries + ")");
            sql.params.add(visible.toArray(new String[0]));
        }
        String text = "SELECT " + STUDY_COLUMNS
                + ", (SELECT count(*) FROM series v WHERE v.study_fk = st.id" + visibleSeries + ") AS n_series"
                + ", (SELECT count(*) FROM instance i JOIN series v ON v.id = i.series_fk WHERE v.study_fk = st.id"
                + visibleSeries + ") AS n_instances"
                + ", (SELECT string_agg(DISTINCT v.modality, '\\') FROM series v WHERE v.study_fk = st.id"
                + visibleSeries + ") AS modalities"
                + " FROM study st JOIN patient p ON p.id = st.patient_fk" + sql.where()
                + " ORDER BY st.study_date DESC NULLS LAST, st.id LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>();
        if (visible != null) for (int k = 0; k < 3; k++) params.add(visible.toArray(new String[0]));
        params.addAll(sql.params);
        params.add(q.limit());
        params.add(q.offset());
        List<DicomJsonBuilder> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, text, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DicomJsonBuilder j = new DicomJsonBuilder();
                studyAttributes(j, rs);
                j.strings(0x00080061, "CS", rs.getString("modalities"));
                j.integer(0x00201206, "IS", rs.getLong("n_series"));
                j.integer(0x00201208, "IS", rs.getLong("n_instances"));
                j.string(0x00081190, "UR", base + "/dicom-web/studies/" + rs.getString("study_instance_uid"));
                out.add(j);
            }
        }
        return out;
    }

    private List<DicomJsonBuilder> series(Connection c, QidoQuery q, String studyUid, Set<String> visible, String base)
            throws SQLException {
        QidoSql sql = conditions(q);
        if (studyUid != null) {
            sql.conditions.add("st.study_instance_uid = ?");
            sql.params.add(studyUid);
        }
        sql.visible("se.series_instance_uid", visible);
        String text = "SELECT " + STUDY_COLUMNS + ", " + SERIES_COLUMNS
                + ", (SELECT count(*) FROM instance i WHERE i.series_fk = se.id) AS n_instances"
                + FROM_SERIES + sql.where() + " ORDER BY st.id, se.series_number NULLS LAST, se.id LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(sql.params);
        params.add(q.limit());
        params.add(q.offset());
        List<DicomJsonBuilder> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, text, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DicomJsonBuilder j = new DicomJsonBuilder();
                if (studyUid == null) studyAttributes(j, rs);
                else j.string(Tags.StudyInstanceUID, "UI", rs.getString("study_instance_uid"));
                seriesAttributes(j, rs);
                j.integer(0x00201209, "IS", rs.getLong("n_instances"));
                j.string(0x00081190, "UR", base + "/dicom-web/studies/" + rs.getString("study_instance_uid")
                        + "/series/" + rs.getString("series_instance_uid"));
                out.add(j);
            }
        }
        return out;
    }

    private List<DicomJsonBuilder> instances(Connection c, QidoQuery q, String studyUid, String seriesUid,
                                             Set<String> visible, String base) throws SQLException {
        QidoSql sql = conditions(q);
        if (studyUid != null) {
            sql.conditions.add("st.study_instance_uid = ?");
            sql.params.add(studyUid);
        }
        if (seriesUid != null) {
            sql.conditions.add("se.series_instance_uid = ?");
            sql.params.add(seriesUid);
        }
        sql.visible("se.series_instance_uid", visible);
        boolean needMetadata = q.includeAll() || !q.includeFields().isEmpty();
        String text = "SELECT " + STUDY_COLUMNS + ", " + SERIES_COLUMNS + """
                , i.sop_instance_uid, i.sop_class_uid, i.instance_number, i.rows, i.columns, i.number_of_frames,
                i.bits_allocated""" + (needMetadata ? ", i.metadata_json" : "")
                + " FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk"
                + " JOIN patient p ON p.id = st.patient_fk" + sql.where()
                + " ORDER BY se.id, i.instance_number NULLS LAST, i.id LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(sql.params);
        params.add(q.limit());
        params.add(q.offset());
        List<DicomJsonBuilder> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, text, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DicomJsonBuilder j = new DicomJsonBuilder();
                if (studyUid == null) studyAttributes(j, rs);
                else j.string(Tags.StudyInstanceUID, "UI", rs.getString("study_instance_uid"));
                if (seriesUid == null) seriesAttributes(j, rs);
                else j.string(Tags.SeriesInstanceUID, "UI", rs.getString("series_instance_uid"));
                j.string(Tags.SOPClassUID, "UI", rs.getString("sop_class_uid"));
                j.string(Tags.SOPInstanceUID, "UI", rs.getString("sop_instance_uid"));
                j.integer(Tags.InstanceNumber, "IS", (Number) rs.getObject("instance_number"));
                j.integer(Tags.Rows, "US", (Number) rs.getObject("rows"));
                j.integer(Tags.Columns, "US", (Number) rs.getObject("columns"));
                j.integer(Tags.BitsAllocated, "US", (Number) rs.getObject("bits_allocated"));
                j.integer(Tags.NumberOfFrames, "IS", (Number) rs.getObject("number_of_frames"));
                j.string(0x00080056, "CS", "ONLINE");
                j.string(0x00081190, "UR", base + "/dicom-web/studies/" + rs.getString("study_instance_uid")
                        + "/series/" + rs.getString("series_instance_uid") + "/instances/"
                        + rs.getString("sop_instance_uid"));
                if (needMetadata) includeFromMetadata(j, DicomJsonBuilder.parse(rs.getString("metadata_json")), q);
                out.add(j);
            }
        }
        return out;
    }

    private static void includeFromMetadata(DicomJsonBuilder j, ObjectNode metadata, QidoQuery q) {
        if (q.includeAll()) {
            metadata.fields().forEachRemaining(e -> {
                if (!j.node().has(e.getKey())) j.node().set(e.getKey(), e.getValue());
            });
        } else {
            for (int tag : q.includeFields()) if (!j.has(tag)) j.copy(metadata, tag);
        }
    }

    private static void studyAttributes(DicomJsonBuilder j, ResultSet rs) throws SQLException {
        j.string(Tags.StudyInstanceUID, "UI", rs.getString("study_instance_uid"))
                .string(Tags.StudyDate, "DA", rs.getString("study_date"))
                .string(Tags.StudyTime, "TM", rs.getString("study_time"))
                .string(Tags.AccessionNumber, "SH", rs.getString("accession_number"))
                .string(Tags.StudyID, "SH", rs.getString("study_id"))
                .string(Tags.StudyDescription, "LO", rs.getString("study_description"))
                .personName(Tags.ReferringPhysicianName, rs.getString("referring_physician"))
                .personName(Tags.PatientName, rs.getString("patient_name"))
                .string(Tags.PatientID, "LO", rs.getString("patient_id"))
                .string(Tags.PatientBirthDate, "DA", rs.getString("birth_date"))
                .string(Tags.PatientSex, "CS", rs.getString("sex"))
                .string(0x00080056, "CS", "ONLINE");
    }

    private static void seriesAttributes(DicomJsonBuilder j, ResultSet rs) throws SQLException {
        j.string(Tags.SeriesInstanceUID, "UI", rs.getString("series_instance_uid"))
                .string(Tags.Modality, "CS", rs.getString("modality"))
                .integer(Tags.SeriesNumber, "IS", (Number) rs.getObject("series_number"))
                .string(Tags.SeriesDescription, "LO", rs.getString("series_description"))
                .string(Tags.SeriesDate, "DA", rs.getString("series_date"))
                .string(Tags.SeriesTime, "TM", rs.getString("series_time"))
                .string(0x00180015, "CS", rs.getString("body_part_examined"))
                .string(Tags.FrameOfReferenceUID, "UI", rs.getString("frame_of_reference_uid"));
    }

    private static QidoSql conditions(QidoQuery q) {
        QidoSql sql = new QidoSql();
        q.matches().forEach(sql::add);
        return sql;
    }

    private static PreparedStatement prepare(Connection c, String text, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] arr) {
                Array a = c.createArrayOf("text", arr);
                ps.setArray(i + 1, a);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}

package io.delineo.archive;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one instance into the index (patient, study, series, instance) and its audit event in a single transaction.
 * Upserts use {@code ON CONFLICT DO NOTHING} so that parallel uploads of the same new study do not collide.
 */
@ApplicationScoped
public class IndexWriter {
    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    public record Existing(long id, String sha256) {
    }

    @Transactional
    public Optional<Existing> lookup(String sopInstanceUid) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, file_sha256 FROM instance WHERE sop_instance_uid = ?")) {
                ps.setString(1, sopInstanceUid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Existing(rs.getLong(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Transactional
    public boolean fileReferenced(String sha256) {
        return Instance.countWithFile(sha256) > 0;
    }

    /** What {@link #write} did with the instance. */
    public record Written(IngestResult.Status status, Optional<String> replacedSha) {
    }

    private record StoredRow(long seriesId, String sha256) {
    }

    /** A series known to be committed, with the study and patient it was filed under. */
    private record KnownSeries(long id, String studyUid, String patientId, String issuer) {
    }

    /**
     * Series committed by this process (rows are never deleted): an instance of a known series skips the patient,
     * study and series upserts, so storing it takes one insert plus its audit event. Entries are added only after
     * commit, so a rolled-back upsert never leaves a stale id.
     */
    private final Map<String, KnownSeries> knownSeries = new ConcurrentHashMap<>();
    private static final int KNOWN_SERIES_LIMIT = 10_000;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Inserts the instance row (one statement when its series is known) with its audit event. An instance already
     * stored with the same bytes is recorded as a duplicate; with other bytes it is refused unless {@code replace},
     * in which case the row is replaced and the replaced file's hash is returned.
     */
    @Transactional
    public Written write(IndexedAttributes a, String transferSyntaxUid, String sha256, long size,
                         String metadataJson, long[] frameRanges, boolean replace, String source) {
        Written written = em.unwrap(Session.class).doReturningWork(c -> {
            long series = seriesId(c, a);
            if (insertInstance(c, a, series, transferSyntaxUid, sha256, size, metadataJson, frameRanges)) {
                return new Written(IngestResult.Status.STORED, Optional.empty());
            }
            // Writers that find the instance already stored take turns per SOP Instance UID: a concurrent replacement
            // deletes and re-inserts the row, and a row lock alone would let this transaction see neither version.
            lockInstance(c, a.sopInstanceUid());
            StoredRow stored = stored(c, a);
            String previous = stored.sha256();
            if (previous.equals(sha256)) return new Written(IngestResult.Status.ALREADY_STORED, Optional.empty());
            if (!replace) {
                throw new IngestRefusal(IngestResult.DUPLICATE_SOP_INSTANCE, "a different object with SOP Instance UID "
                        + a.sopInstanceUid() + " is already stored; send it as a replacement to overwrite it");
            }
            if (stored.seriesId() != series) {
                throw new IngestRefusal(IngestResult.PROCESSING_FAILURE, "instance " + a.sopInstanceUid()
                        + " is stored in another series; a replacement must keep its series");
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM instance WHERE sop_instance_uid = ?")) {
                del.setString(1, a.sopInstanceUid());
                del.executeUpdate();
            }
            if (!insertInstance(c, a, series, transferSyntaxUid, sha256, size, metadataJson, frameRanges)) {
                throw new IllegalStateException("instance " + a.sopInstanceUid() + " reappeared while being replaced");
            }
            return new Written(IngestResult.Status.REPLACED, Optional.of(previous));
        });
        String outcome = switch (written.status()) {
            case ALREADY_STORED -> "already stored";
            case REPLACED -> "replaced";
            default -> "stored";
        };
        audit.success(AuditAction.DICOM_STORE, a.sopInstanceUid(), details(a, sha256, source, outcome));
        return written;
    }

    private long seriesId(Connection c, IndexedAttributes a) throws SQLException {
        String pid = a.patientId() == null ? "" : a.patientId();
        String issuer = a.issuerOfPatientId() == null ? "" : a.issuerOfPatientId();
        KnownSeries known = knownSeries.get(a.seriesInstanceUid());
        if (known != null && known.studyUid().equals(a.studyInstanceUid()) && known.patientId().equals(pid)
                && known.issuer().equals(issuer)) {
            return known.id();
        }
        long patient = upsertPatient(c, a);
        long study = upsertStudy(c, a, patient);
        long series = upsertSeries(c, a, study);
        KnownSeries entry = new KnownSeries(series, a.studyInstanceUid(), pid, issuer);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) return;
                if (knownSeries.size() >= KNOWN_SERIES_LIMIT) knownSeries.clear();
                knownSeries.put(a.seriesInstanceUid(), entry);
            }
        });
        return series;
    }

    private static void lockInstance(Connection c, String sopInstanceUid) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 16))")) {
            lock.setString(1, sopInstanceUid);
            lock.executeQuery().close();
        }
    }

    /** The stored row's series id and file hash, locked for a possible replacement. */
    private static StoredRow stored(Connection c, IndexedAttributes a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT file_sha256, series_fk FROM instance WHERE sop_instance_uid = ? FOR UPDATE")) {
            ps.setString(1, a.sopInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("instance " + a.sopInstanceUid() + " conflicted but is not stored");
                }
                return new StoredRow(rs.getLong(2), rs.getString(1));
            }
        }
    }

    private static Map<String, Object> details(IndexedAttributes a, String sha256, String source, String outcome) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("study", a.studyInstanceUid());
        d.put("series", a.seriesInstanceUid());
        d.put("sha256", sha256);
        d.put("source", source);
        d.put("result", outcome);
        return d;
    }

    private static long upsertPatient(Connection c, IndexedAttributes a) throws SQLException {
        String pid = a.patientId() == null ? "" : a.patientId();
        String issuer = a.issuerOfPatientId() == null ? "" : a.issuerOfPatientId();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO patient (patient_id, issuer, patient_name, birth_date, sex) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (patient_id, issuer) DO NOTHING""")) {
            ps.setString(1, pid);
            ps.setString(2, issuer);
            ps.setString(3, a.patientName());
            ps.setString(4, a.patientBirthDate());
            ps.setString(5, a.patientSex());
            ps.executeUpdate();
        }
        return id(c, "SELECT id FROM patient WHERE patient_id = ? AND issuer = ?", pid, issuer);
    }

    private static long upsertStudy(Connection c, IndexedAttributes a, long patient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO study (study_instance_uid, patient_fk, study_date, study_time, accession_number, study_id,
                    study_description, referring_physician) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (study_instance_uid) DO NOTHING""")) {
            ps.setString(1, a.studyInstanceUid());
            ps.setLong(2, patient);
            ps.setString(3, a.studyDate());
            ps.setString(4, a.studyTime());
            ps.setString(5, a.accessionNumber());
            ps.setString(6, a.studyId());
            ps.setString(7, a.studyDescription());
            ps.setString(8, a.referringPhysician());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.patient_fk, p.patient_id FROM study s JOIN patient p ON p.id = s.patient_fk
                WHERE s.study_instance_uid = ?""")) {
            ps.setString(1, a.studyInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(2) != patient) {
                    throw new IngestRefusal(IngestResult.PROCESSING_FAILURE, "study " + a.studyInstanceUid()
                            + " is already stored for patient '" + rs.getString(3) + "', but this object names patient '"
                            + Objects.toString(a.patientId(), "") + "'");
                }
                return rs.getLong(1);
            }
        }
    }

    private static long upsertSeries(Connection c, IndexedAttributes a, long study) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO series (series_instance_uid, study_fk, modality, series_number, series_description,
                    series_date, series_time, body_part_examined, protocol_name, frame_of_reference_uid,
                    contrast_bolus_agent, contrast_bolus_route, contrast_bolus_start_time, scanning_sequence,
                    sequence_name, image_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (series_instance_uid) DO NOTHING""")) {
            int i = 1;
            ps.setString(i++, a.seriesInstanceUid());
            ps.setLong(i++, study);
            ps.setString(i++, a.modality());
            setInt(ps, i++, a.seriesNumber());
            ps.setString(i++, a.seriesDescription());
            ps.setString(i++, a.seriesDate());
            ps.setString(i++, a.seriesTime());
            ps.setString(i++, a.bodyPartExamined());
            ps.setString(i++, a.protocolName());
            ps.setString(i++, a.frameOfReferenceUid());
            ps.setString(i++, a.contrastBolusAgent());
            ps.setString(i++, a.contrastBolusRoute());
            ps.setString(i++, a.contrastBolusStartTime());
            ps.setString(i++, a.scanningSequence());
            ps.setString(i++, a.sequenceName());
            ps.setString(i, a.imageType());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, study_fk FROM series WHERE series_instance_uid = ?")) {
            ps.setString(1, a.seriesInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(2) != study) {
                    throw new IngestRefusal(IngestResult.PROCESSING_FAILURE, "series " + a.seriesInstanceUid()
                            + " is already stored under another study than " + a.studyInstanceUid());
                }
                return rs.getLong(1);
            }
        }
    }

    /** Inserts the instance row; false when an instance with this SOP Instance UID is already stored. */
    private static boolean insertInstance(Connection c, IndexedAttributes a, long series, String ts, String sha256,
                                          long size, String json, long[] frameRanges) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO instance (sop_instance_uid, sop_class_uid, series_fk, instance_number, transfer_syntax_uid,
                    rows, columns, number_of_frames, bits_allocated, samples_per_pixel, photometric_interpretation,
                    image_position_patient, image_orientation_patient, pixel_spacing, slice_thickness, slice_location,
                    rescale_slope, rescale_intercept, window_center, window_width, acquisition_number,
                    acquisition_time, content_time, file_sha256, file_size, metadata_json, frame_ranges)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sop_instance_uid) DO NOTHING""")) {
            int i = 1;
            ps.setString(i++, a.sopInstanceUid());
            ps.setString(i++, a.sopClassUid());
            ps.setLong(i++, series);
            setInt(ps, i++, a.instanceNumber());
            ps.setString(i++, ts);
            setInt(ps, i++, a.rows());
            setInt(ps, i++, a.columns());
            setInt(ps, i++, a.numberOfFrames());
            setInt(ps, i++, a.bitsAllocated());
            setInt(ps, i++, a.samplesPerPixel());
            ps.setString(i++, a.photometricInterpretation());
            setArray(c, ps, i++, a.imagePositionPatient());
            setArray(c, ps, i++, a.imageOrientationPatient());
            setArray(c, ps, i++, a.pixelSpacing());
            setDouble(ps, i++, a.sliceThickness());
            setDouble(ps, i++, a.sliceLocation());
            setDouble(ps, i++, a.rescaleSlope());
            setDouble(ps, i++, a.rescaleIntercept());
            ps.setString(i++, a.windowCenter());
            ps.setString(i++, a.windowWidth());
            setInt(ps, i++, a.acquisitionNumber());
            ps.setString(i++, a.acquisitionTime());
            ps.setString(i++, a.contentTime());
            ps.setString(i++, sha256);
            ps.setLong(i++, size);
            ps.setString(i++, json);
            if (frameRanges == null) {
                ps.setNull(i, Types.ARRAY);
            } else {
                Long[] boxed = new Long[frameRanges.length];
                for (int k = 0; k < boxed.length; k++) boxed[k] = frameRanges[k];
                ps.setArray(i, c.createArrayOf("int8", boxed));
            }
            return ps.executeUpdate() == 1;
        }
    }

    private static long id(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v);
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) ps.setNull(i, Types.DOUBLE); else ps.setDouble(i, v);
    }

    private static void setArray(Connection c, PreparedStatement ps, int i, double[] v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.ARRAY);
            return;
        }
        Double[] boxed = new Double[v.length];
        for (int k = 0; k < v.length; k++) boxed[k] = v[k];
        ps.setArray(i, c.createArrayOf("float8", boxed));
    }
}

package io.delineo.contour;

import io.delineo.archive.Instance;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.ReadViews.ReadView;
import io.delineo.domain.Refusal;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import io.delineo.study.StudyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes of contours. A reader reaches only their own read of an assigned case; every save is a new
 * version, accepted only when it names the version it was edited from (optimistic concurrency), so two tabs or two
 * devices never overwrite each other silently. Every read and write is audited in its transaction.
 */
@ApplicationScoped
public class ReadService {
    @Inject
    StudyAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    ReadCodec codec;
    @Inject
    EntityManager em;

    @Transactional
    public ReadView myRead(long caseId) {
        StudyCase c = access.caseForReader(caseId, AuditAction.CONTOUR_READ);
        String reader = currentUser.name();
        ReadView view = ReaderRead.of(c, reader).map(this::view).orElse(notStarted(c, reader));
        audit.success(AuditAction.CONTOUR_READ, caseId + "/" + reader, Map.of("version", view.version()));
        return view;
    }

    @Transactional
    public ReadView save(long caseId, int editedVersion, ReadContent content) {
        StudyCase c = access.caseForReader(caseId, AuditAction.CONTOUR_SAVE);
        requireOpen(c);
        ReaderRead read = lockedRead(c, currentUser.name());
        if (read.status == ReaderRead.Status.SUBMITTED) {
            throw conflict("this read is submitted and read-only; the PI can reopen it", read);
        }
        if (read.version != editedVersion) {
            throw conflict("the read was saved elsewhere (version " + read.version + ") after the version "
                    + editedVersion + " you edited; reload it or overwrite it deliberately", read);
        }
        if (content == null) throw Refusal.invalid("the read content (lesions) is required");
        Map<String, ImagePlane> planes = planes(c);
        List<String> problems = ReadValidator.problems(content, List.of(c.study.lesionLabels), planes);
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "the read was not saved: " + String.join("; ", problems),
                    Map.of("problems", problems));
        }
        content = content.withSeries(sop -> planes.containsKey(sop) ? planes.get(sop).seriesInstanceUid() : null);
        ReadVersion v = new ReadVersion();
        v.read = read;
        v.version = read.version + 1;
        String stored = codec.encode(content);
        v.content = stored;
        v.savedBy = currentUser.name();
        v.savedAt = OffsetDateTime.now();
        v.persist();
        read.version = v.version;
        read.status = ReaderRead.Status.IN_PROGRESS;
        read.updatedAt = v.savedAt;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", v.version);
        details.put("lesions", content.lesions().size());
        details.put("contours", content.lesions().stream().mapToInt(l -> l.contours().size()).sum());
        audit.success(AuditAction.CONTOUR_SAVE, caseId + "/" + read.readerName, details);
        return view(read, stored);
    }

    @Transactional
    public ReadView submit(long caseId, Integer editedVersion) {
        StudyCase c = access.caseForReader(caseId, AuditAction.CONTOUR_SUBMIT);
        requireOpen(c);
        ReaderRead read = lockedRead(c, currentUser.name());
        if (read.status == ReaderRead.Status.SUBMITTED) throw conflict("this read is already submitted", read);
        if (editedVersion != null && editedVersion != read.version) {
            throw conflict("the read changed (version " + read.version + ") since version " + editedVersion, read);
        }
        if (read.version == 0) {
            // submitting without drawing means "no lesion found": keep that as an explicit empty version
            ReadVersion v = new ReadVersion();
            v.read = read;
            v.version = 1;
            v.content = codec.encode(ReadContent.empty());
            v.savedBy = currentUser.name();
            v.savedAt = OffsetDateTime.now();
            v.persist();
            read.version = 1;
        }
        read.status = ReaderRead.Status.SUBMITTED;
        read.submittedAt = OffsetDateTime.now();
        read.updatedAt = read.submittedAt;
        audit.success(AuditAction.CONTOUR_SUBMIT, caseId + "/" + read.readerName, Map.of("version", read.version));
        return view(read);
    }

    /** Every reader's read of a case (PI only; blinding forbids it to readers). */
    @Transactional
    public List<ReadView> allReads(long caseId) {
        StudyCase c = access.caseForPi(caseId);
        List<ReadView> views = c.study.readerNames().stream()
                .map(r -> ReaderRead.of(c, r).map(this::view).orElse(notStarted(c, r))).toList();
        Map<String, Object> details = new HashMap<>();
        details.put("readers", views.stream().map(ReadView::reader).toList());
        audit.success(AuditAction.CONTOUR_READ, "case", caseId, details);
        return views;
    }

    @Transactional
    public ReadView reopen(long caseId, String reader) {
        StudyCase c = access.caseForPi(caseId);
        ReaderRead read = ReaderRead.of(c, reader).orElseThrow(
                () -> Refusal.notFound(reader + " has no read of case " + caseId));
        if (read.status != ReaderRead.Status.SUBMITTED) throw Refusal.conflict("the read is not submitted");
        read.status = ReaderRead.Status.IN_PROGRESS;
        read.submittedAt = null;
        read.updatedAt = OffsetDateTime.now();
        audit.success(AuditAction.READ_REOPEN, caseId + "/" + reader, Map.of("version", read.version));
        return view(read);
    }

    /**
     * Stores contours made elsewhere (an imported RTSTRUCT or SEG) as the next version of a reader's read, submitted.
     * The PI attributes them; the import is audited with its source.
     */
    @Transactional
    public ReadView importVersion(StudyCase c, String reader, ReadContent content, Map<String, Object> source) {
        if (!c.study.hasReader(reader)) {
            throw Refusal.invalid("'" + reader + "' is not a reader of this study " + c.study.readerNames());
        }
        Map<String, ImagePlane> planes = planes(c);
        List<String> problems = ReadValidator.problems(content, List.of(c.study.lesionLabels), planes);
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID,
                    "the imported contours do not fit this case: " + String.join("; ", problems),
                    Map.of("problems", problems));
        }
        content = content.withSeries(sop -> planes.containsKey(sop) ? planes.get(sop).seriesInstanceUid() : null);
        ReaderRead read = lockedRead(c, reader);
        ReadVersion v = new ReadVersion();
        v.read = read;
        v.version = read.version + 1;
        v.content = codec.encode(content);
        v.savedBy = currentUser.name();
        v.savedAt = OffsetDateTime.now();
        v.persist();
        read.version = v.version;
        read.status = ReaderRead.Status.SUBMITTED;
        read.submittedAt = v.savedAt;
        read.updatedAt = v.savedAt;
        Map<String, Object> details = new LinkedHashMap<>(source);
        details.put("version", v.version);
        details.put("lesions", content.lesions().size());
        audit.success(AuditAction.CONTOUR_IMPORT, c.id + "/" + reader, details);
        return view(read, v.content);
    }

    /** ReadContent.empty() as stored. */
    private static final String EMPTY = "{\"lesions\":[]}";

    private ReaderRead lockedRead(StudyCase c, String reader) {
        // create the row on first save; ON CONFLICT keeps two first saves in two tabs from colliding
        em.createNativeQuery("INSERT INTO reader_read (case_fk, reader_name, status, version) "
                        + "VALUES (?1, ?2, 'IN_PROGRESS', 0) ON CONFLICT (case_fk, reader_name) DO NOTHING")
                .setParameter(1, c.id).setParameter(2, reader).executeUpdate();
        ReaderRead read = ReaderRead.of(c, reader).orElseThrow();
        em.lock(read, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(read);
        return read;
    }

    private static void requireOpen(StudyCase c) {
        if (c.study.status != StudyStatus.OPEN) {
            throw Refusal.conflict("the study is " + c.study.status.name().toLowerCase() + "; reads cannot change");
        }
    }

    private Refusal conflict(String message, ReaderRead read) {
        return new Refusal(Refusal.Kind.CONFLICT,
                message, Map.of("currentVersion", read.version, "current", view(read)));
    }

    /** The planes of the case's images; a projection, since whole instance rows carry kilobytes of metadata. */
    public Map<String, ImagePlane> planes(StudyCase c) {
        Map<String, ImagePlane> planes = new HashMap<>();
        List<Object[]> rows = Instance.getEntityManager().createQuery("""
                SELECT i.sopInstanceUid, s.seriesInstanceUid, i.imagePositionPatient, i.imageOrientationPatient
                FROM Instance i JOIN i.series s WHERE s.seriesInstanceUid IN :series""", Object[].class)
                .setParameter("series", List.copyOf(c.seriesByPhase.values())).getResultList();
        for (Object[] r : rows) {
            if (r[2] != null && r[3] != null) {
                planes.put((String) r[0], new ImagePlane((String) r[1], (double[]) r[2], (double[]) r[3]));
            }
        }
        return planes;
    }

    private ReadView view(ReaderRead read) {
        String stored = read.version == 0 ? EMPTY
                : ReadVersion.of(read, read.version).map(v -> v.content).orElse(EMPTY);
        return view(read, stored);
    }

    private static ReadView view(ReaderRead read, String storedContent) {
        return new ReadView(read.id, read.studyCase.id, read.readerName,
                read.version == 0 ? "NOT_STARTED" : read.status.name(),
                read.version, storedContent, read.updatedAt, read.submittedAt);
    }

    private static ReadView notStarted(StudyCase c, String reader) {
        return new ReadView(null, c.id, reader, "NOT_STARTED", 0, EMPTY, null, null);
    }

    public Optional<ReadVersion> latestVersion(StudyCase c, String reader) {
        return ReaderRead.of(c, reader).filter(r -> r.version > 0).flatMap(r -> ReadVersion.of(r, r.version));
    }
}

package io.delineo.archive;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.dicom.Attribute;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.json.BulkDataUriMapper;
import io.delineo.dicom.json.DicomJson;
import io.delineo.storage.ObjectStorage;
import io.delineo.storage.ObjectTooLargeException;
import io.delineo.storage.Staged;
import io.delineo.storage.StorageArea;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The one ingest path of the archive (STOW-RS, browser upload, {@code ./delineo import}, demo data): stage the bytes,
 * parse and validate them completely, then place the file and write the index and audit event in one transaction.
 * An object either ends up fully stored and indexed or leaves nothing behind (no file, no rows).
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);
    /** binary values above this size are served as bulk data rather than inlined in metadata */
    private static final int INLINE_BINARY_LIMIT = 1024;

    @Inject
    ObjectStorage store;
    @Inject
    IndexWriter index;
    @Inject
    AuditTrail audit;
    @Inject
    jakarta.enterprise.inject.Instance<Deidentification> deidentification;

    @ConfigProperty(name = "delineo.archive.max-object-bytes", defaultValue = "1073741824")
    long maxObjectBytes;

    public IngestResult ingest(InputStream in, boolean replace, String source) {
        return ingest(in, replace, source, null);
    }

    /** As {@link #ingest(InputStream, boolean, String)}, refusing objects of any study but {@code expectedStudy}. */
    public IngestResult ingest(InputStream in, boolean replace, String source, String expectedStudy) {
        return ingest(in, replace, source, expectedStudy, null);
    }

    /**
     * The full ingest; with {@code deid} the object is de-identified after validation and only the de-identified
     * object is stored (the expected study is checked against the original).
     */
    public IngestResult ingest(InputStream in, boolean replace, String source, String expectedStudy,
                               Deidentification.Options deid) {
        Staged staged;
        try {
            staged = store.stage(in, maxObjectBytes);
        } catch (ObjectTooLargeException e) {
            return refuse(IngestResult.OUT_OF_RESOURCES, "object refused: " + e.getMessage(), null, null, source);
        } catch (IOException e) {
            return refuse(IngestResult.PROCESSING_FAILURE, "could not receive the object: " + e.getMessage(), null,
                    null, source);
        }
        try {
            return ingestStaged(staged, replace, source, expectedStudy, deid);
        } finally {
            store.discard(staged);
        }
    }

    private IngestResult ingestStaged(Staged staged, boolean replace, String source,
                                      String expectedStudy, Deidentification.Options deid) {
        DicomFile file;
        try {
            file = DicomReader.read(staged.file(), ReadOptions.defaults()
                    .withMaxInflatedBytes(inflatedLimit(staged.size())));
        } catch (DicomException e) {
            return refuse(IngestResult.CANNOT_UNDERSTAND, "not a readable DICOM object: " + e.getMessage(), null, null,
                    source);
        } catch (RuntimeException e) {
            return refuse(IngestResult.CANNOT_UNDERSTAND, "not a readable DICOM object: " + e, null, null, source);
        }
        String sopClass = file.dataset().getString(Tags.SOPClassUID);
        String sop = file.dataset().getString(Tags.SOPInstanceUID);
        Optional<String> problem = IngestValidator.problem(file);
        if (problem.isPresent()) return refuse(IngestResult.CANNOT_UNDERSTAND, problem.get(), sopClass, sop, source);

        IndexedAttributes a = IndexedAttributes.of(file.dataset());
        if (expectedStudy != null && !expectedStudy.equals(a.studyInstanceUid())) {
            return refuse(IngestResult.CANNOT_UNDERSTAND, "object belongs to study " + a.studyInstanceUid()
                    + ", not to study " + expectedStudy + " named in the request", a.sopClassUid(),
                    a.sopInstanceUid(), source);
        }
        if (deid != null) return deidentified(file, a, replace, source, deid);
        String metadata;
        try {
            metadata = DicomJson.toJson(file.dataset(), bulkDataUris(a));
        } catch (DicomException | IllegalArgumentException e) {
            return refuse(IngestResult.CANNOT_UNDERSTAND, "metadata cannot be expressed as DICOM JSON: "
                    + e.getMessage(), a.sopClassUid(), a.sopInstanceUid(), source);
        }

        return place(staged, file, a, metadata, replace, source);
    }

    private IngestResult deidentified(DicomFile file, IndexedAttributes a, boolean replace, String source,
                                      Deidentification.Options options) {
        if (deidentification.isUnsatisfied()) {
            return refuse(IngestResult.PROCESSING_FAILURE, "de-identification is not available in this portal",
                    a.sopClassUid(), a.sopInstanceUid(), source);
        }
        byte[] clean;
        try {
            clean = DicomWriter.toBytes(deidentification.get().apply(file, options));
        } catch (RuntimeException e) {
            return refuse(IngestResult.PROCESSING_FAILURE, "de-identification failed: " + e.getMessage(),
                    a.sopClassUid(), a.sopInstanceUid(), source);
        }
        return ingest(new java.io.ByteArrayInputStream(clean), replace, source + "+deidentified", null, null);
    }

    /**
     * Real deflated data sets inflate a few times their size; a deflate bomb inflates a million times. Capping the
     * inflated size relative to what was uploaded refuses bombs after a few megabytes instead of gigabytes.
     */
    static long inflatedLimit(long uploadedBytes) {
        return Math.max(64L << 20, Math.min(uploadedBytes * 32, 2L << 30));
    }

    /**
     * Places the file under its content address, then writes the index row and audit event in one transaction; the
     * index decides whether the object is new, a duplicate, a refused clash or a replacement.
     */
    private IngestResult place(Staged staged, DicomFile file, IndexedAttributes a,
                               String metadata, boolean replace, String source) {
        long[] frameRanges = FrameRanges.locate(file, StoredBytes.of(staged));
        boolean newFile;
        try {
            newFile = store.commitContentAddressed(StorageArea.DICOM, staged).created();
        } catch (IOException e) {
            return refuse(IngestResult.OUT_OF_RESOURCES, "could not write the object to the file store: "
                    + e.getMessage(), a.sopClassUid(), a.sopInstanceUid(), source);
        }
        try {
            IndexWriter.Written written = index.write(a, file.transferSyntax().uid(), staged.sha256(), staged.size(),
                    metadata, frameRanges, replace, source);
            written.replacedSha().filter(old -> !old.equals(staged.sha256())).ifPresent(this::deleteIfUnreferenced);
            return result(written.status(), a, switch (written.status()) {
                case ALREADY_STORED -> "identical object already stored";
                case REPLACED -> "replaced the stored object";
                default -> "stored";
            });
        } catch (IngestRefusal e) {
            if (newFile) deleteIfUnreferenced(staged.sha256());
            return refuse(e.reason(), e.getMessage(), a.sopClassUid(), a.sopInstanceUid(), source);
        } catch (PersistenceException | IllegalStateException e) {
            if (newFile) deleteIfUnreferenced(staged.sha256());
            // a parallel upload of the same object may have won the race: then this one is a duplicate
            Optional<IndexWriter.Existing> now = index.lookup(a.sopInstanceUid());
            if (now.isPresent() && now.get().sha256().equals(staged.sha256())) {
                return result(IngestResult.Status.ALREADY_STORED, a, "identical object already stored");
            }
            LOG.warnf(e, "index write failed for %s", a.sopInstanceUid());
            return refuse(IngestResult.PROCESSING_FAILURE, "the index could not be written; nothing was stored",
                    a.sopClassUid(), a.sopInstanceUid(), source);
        }
    }

    private void deleteIfUnreferenced(String sha256) {
        try {
            if (!index.fileReferenced(sha256)) store.delete(StorageArea.DICOM, StorageArea.DICOM.contentKey(sha256));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not remove unreferenced file %s: %s", sha256, e.getMessage());
        }
    }

    private IngestResult refuse(int reason, String message, String sopClass, String sop, String source) {
        audit.recordSeparately(AuditAction.DICOM_STORE, "instance", sop == null ? "unidentified" : sop,
                AuditOutcome.FAILED,
                Map.of("reason", message, "source", source));
        return IngestResult.failed(reason, message, blankToNull(sopClass), blankToNull(sop));
    }

    private static IngestResult result(IngestResult.Status status, IndexedAttributes a, String message) {
        return new IngestResult(status, a.sopClassUid(), a.sopInstanceUid(), a.studyInstanceUid(),
                a.seriesInstanceUid(), 0, message);
    }

    /** Pixel data and large binary values become BulkDataURIs under the instance's WADO-RS path. */
    static BulkDataUriMapper bulkDataUris(IndexedAttributes a) {
        String base = "/dicom-web/studies/" + a.studyInstanceUid() + "/series/" + a.seriesInstanceUid()
                + "/instances/" + a.sopInstanceUid() + "/bulkdata/";
        return (path, attribute) -> isBulk(attribute) ? base + path : null;
    }

    private static boolean isBulk(Attribute attribute) {
        if (attribute.tag() == Tags.PixelData || attribute.isEncapsulated()) return true;
        VR vr = attribute.vr();
        boolean binary = vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV
                || vr == VR.UN;
        return binary && attribute.bytes() != null && attribute.bytes().length > INLINE_BINARY_LIMIT;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

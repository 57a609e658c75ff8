package io.delineo.interop.product;

import io.delineo.archive.ArchiveFiles;
import io.delineo.archive.Deidentification;
import io.delineo.archive.IngestResult;
import io.delineo.archive.IngestService;
import io.delineo.archive.Instance;
import io.delineo.archive.Series;
import io.delineo.archive.Study;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** De-identified copies of archived studies, and the mapping back (PI and administrator only; audited). */
@Path("/api")
@Tag(name = "Interoperability")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PI, Roles.ADMIN})
public class DeidResource {
    @Inject
    IngestService ingest;
    @Inject
    ArchiveFiles store;
    @Inject
    DeidMappings mappings;
    @Inject
    AuditTrail audit;

    public record DeidInput(Boolean retainDates, Boolean cleanDescriptors) {
    }

    public record DeidResult(String originalStudyInstanceUid, String studyInstanceUid, int stored, int failed,
                             List<String> failures) {
    }

    public record Mapping(String kind, String original, String replacement, String createdBy, OffsetDateTime createdAt) {
    }

    @POST
    @Path("/archive/studies/{studyUid}/deidentify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a de-identified copy of an archived study (PS3.15 Basic Profile; options retainDates, "
            + "cleanDescriptors); the original stays")
    public DeidResult deidentify(@PathParam("studyUid") String studyUid, DeidInput in) {
        List<String> files = QuarkusTransaction.requiringNew().call(() -> {
            Study study = Study.findByUid(studyUid).orElseThrow(
                    () -> Refusal.notFound("study " + studyUid + " is not in the archive"));
            List<String> shas = new ArrayList<>();
            for (Series s : Series.ofStudy(study)) for (Instance i : Instance.ofSeries(s)) shas.add(i.fileSha256);
            return shas;
        });
        Deidentification.Options options = new Deidentification.Options(in != null && Boolean.TRUE.equals(in.retainDates()),
                in != null && Boolean.TRUE.equals(in.cleanDescriptors()));
        int stored = 0;
        List<String> failures = new ArrayList<>();
        for (String sha : files) {
            try (InputStream file = Files.newInputStream(store.file(sha))) {
                IngestResult r = ingest.ingest(file, false, "deidentify-study", null, options);
                if (r.failed()) failures.add(r.message());
                else stored++;
            } catch (IOException e) {
                failures.add("a stored file could not be read: " + e.getMessage());
            }
        }
        String newStudy = mappings.uid(studyUid);
        int count = stored;
        QuarkusTransaction.requiringNew().run(() -> audit.success(AuditAction.DICOM_DEIDENTIFY, newStudy,
                Map.of("instances", count, "failed", failures.size(), "retainDates", options.retainLongitudinalDates(),
                        "cleanDescriptors", options.cleanDescriptors())));
        return new DeidResult(studyUid, newStudy, stored, failures.size(), failures);
    }

    @GET
    @Path("/deid/mappings")
    @Transactional
    @Operation(summary = "Look up a de-identification mapping by original or replacement value (UID or patient ID)")
    public List<Mapping> mappings(@QueryParam("value") String value) {
        if (value == null || value.isBlank()) throw Refusal.invalid("give the value to look up: ?value=");
        List<Mapping> out = new ArrayList<>();
        for (Object[] row : mappings.lookup(value.trim())) {
            out.add(new Mapping((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    row[4] instanceof java.time.Instant t ? t.atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) row[4]));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("found", out.size());
        audit.success(AuditAction.DEID_MAPPING_READ, value.trim(), details);
        return out;
    }
}

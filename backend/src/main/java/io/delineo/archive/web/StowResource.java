package io.delineo.archive.web;

import io.delineo.archive.Deidentification;
import io.delineo.archive.IngestResult;
import io.delineo.archive.IngestService;
import io.delineo.dicom.Tags;
import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * STOW-RS: stores the application/dicom parts of a multipart/related request, each as its own atomic ingest, and
 * answers with the PS3.18 store response (referenced instances, failed instances with their reason). A private
 * attribute (0009,1001) carries a human-readable message per instance.
 */
@Path("/dicom-web")
@Tag(name = "DICOMweb")
public class StowResource {
    static final int PRIVATE_CREATOR = 0x00090010;
    static final int PRIVATE_MESSAGE = 0x00091001;

    /** retrieve URLs are built from this configured address, never from the request's Host header */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "delineo.public-base-url")
    String publicBaseUrl;
    @Inject
    IngestService ingest;

    @POST
    @Path("/studies")
    @Consumes("multipart/related")
    @Produces("application/dicom+json")
    @RolesAllowed({Roles.PI, Roles.ADMIN})
    @Operation(summary = "STOW-RS: store DICOM instances (replace=true overwrites an instance with different bytes; "
            + "deidentify=true applies PS3.15's Basic Profile, options retainDates and cleanDescriptors)")
    public Response store(@HeaderParam("Content-Type") String contentType, @QueryParam("replace") boolean replace,
                          @QueryParam("deidentify") boolean deidentify, @QueryParam("retainDates") boolean retainDates,
                          @QueryParam("cleanDescriptors") boolean cleanDescriptors, @Context UriInfo uri,
                          InputStream body) {
        return storeAll(contentType, replace, null, uri, body,
                deidentify ? new Deidentification.Options(retainDates, cleanDescriptors) : null);
    }

    @POST
    @Path("/studies/{study}")
    @Consumes("multipart/related")
    @Produces("application/dicom+json")
    @RolesAllowed({Roles.PI, Roles.ADMIN})
    @Operation(summary = "STOW-RS into one study: instances of other studies are refused")
    public Response storeInStudy(@PathParam("study") String study, @HeaderParam("Content-Type") String contentType,
                                 @QueryParam("replace") boolean replace, @Context UriInfo uri, InputStream body) {
        return storeAll(contentType, replace, study, uri, body, null);
    }

    private Response storeAll(String contentType, boolean replace, String study, UriInfo uri, InputStream body,
                              Deidentification.Options deid) {
        List<IngestResult> results = new ArrayList<>();
        try {
            String type = MultipartRelatedReader.parameter(contentType, "type");
            if (type != null && !type.equalsIgnoreCase("application/dicom")) {
                throw new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "this archive accepts multipart/related; type=\"application/dicom\", not "
                        + type);
            }
            MultipartRelatedReader reader = new MultipartRelatedReader(body,
                    MultipartRelatedReader.boundaryOf(contentType));
            MultipartRelatedReader.Part part;
            int n = 0;
            while ((part = reader.next()) != null) {
                n++;
                String partType = part.contentType().split(";")[0].trim();
                if (!partType.isEmpty() && !partType.equalsIgnoreCase("application/dicom")) {
                    results.add(new IngestResult(IngestResult.Status.FAILED, null, null, null, null,
                            IngestResult.CANNOT_UNDERSTAND, "part " + n + " has type " + partType
                            + "; only application/dicom parts are stored"));
                    continue;
                }
                results.add(ingest.ingest(part.body(), replace, "stow", study, deid));
            }
        } catch (MultipartRelatedReader.MalformedMultipartException e) {
            if (results.isEmpty()) throw Refusal.invalid("malformed multipart body: " + e.getMessage());
            results.add(new IngestResult(IngestResult.Status.FAILED, null, null, null, null,
                    IngestResult.CANNOT_UNDERSTAND, "the rest of the body is malformed: " + e.getMessage()));
        } catch (io.delineo.platform.BodyLimits.TooLarge e) {
            throw new io.delineo.domain.Refusal(io.delineo.domain.Refusal.Kind.TOO_LARGE, e.getMessage(),
                    java.util.Map.of("limit", e.limitKey(), "limitBytes", e.limitBytes()));
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.INVALID, "the upload was interrupted: " + e.getMessage());
        }
        if (results.isEmpty()) throw Refusal.invalid("the request contains no DICOM parts");
        return Response.status(status(results)).type("application/dicom+json")
                .entity(responseBody(results, publicBaseUrl.replaceAll("/+$", ""), study).toString())
                .build();
    }

    /** 200 all stored, 202 some failed, 409 none stored (PS3.18 10.5.3). */
    static int status(List<IngestResult> results) {
        long failed = results.stream().filter(IngestResult::failed).count();
        if (failed == 0) return 200;
        return failed == results.size() ? 409 : 202;
    }

    static DicomJsonBuilder responseBody(List<IngestResult> results, String base, String study) {
        List<DicomJsonBuilder> referenced = new ArrayList<>();
        List<DicomJsonBuilder> failed = new ArrayList<>();
        for (IngestResult r : results) {
            DicomJsonBuilder item = new DicomJsonBuilder()
                    .string(Tags.ReferencedSOPClassUID, "UI", r.sopClassUid())
                    .string(Tags.ReferencedSOPInstanceUID, "UI", r.sopInstanceUid())
                    .string(PRIVATE_CREATOR, "LO", "DELINEO")
                    .string(PRIVATE_MESSAGE, "LT", r.message());
            if (r.failed()) {
                item.integer(0x00081197, "US", r.failureReason());
                failed.add(item);
            } else {
                item.string(0x00081190, "UR", base + "/dicom-web/studies/" + r.studyInstanceUid() + "/series/"
                        + r.seriesInstanceUid() + "/instances/" + r.sopInstanceUid());
                referenced.add(item);
            }
        }
        DicomJsonBuilder body = new DicomJsonBuilder();
        List<String> studies = results.stream().filter(r -> !r.failed()).map(IngestResult::studyInstanceUid)
                .distinct().toList();
        String studyUid = study != null ? study : studies.size() == 1 ? studies.get(0) : null;
        if (studyUid != null) body.string(0x00081190, "UR", base + "/dicom-web/studies/" + studyUid);
        if (!referenced.isEmpty()) body.sequence(0x00081199, referenced);
        if (!failed.isEmpty()) body.sequence(0x00081198, failed);
        return body;
    }
}

package io.delineo.archive.web;

import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.file.Files;

/**
 * WADO-URI (PS3.18 9) for single instances as application/dicom. Rendered images are not produced: a request for
 * image/jpeg or similar is refused with 406; without contentType the DICOM object is returned.
 */
@Path("/wado")
@Tag(name = "DICOMweb")
@RolesAllowed({Roles.READER, Roles.PI, Roles.BOARD, Roles.ADMIN})
public class WadoUriResource {
    @Inject
    WadoService wado;

    @GET
    @Produces("application/dicom")
    @Operation(summary = "WADO-URI: one instance as application/dicom")
    public Response get(@QueryParam("requestType") String requestType, @QueryParam("studyUID") String study,
                        @QueryParam("seriesUID") String series, @QueryParam("objectUID") String object,
                        @QueryParam("contentType") String contentType) {
        if (!"WADO".equals(requestType)) throw Refusal.invalid("requestType must be WADO");
        if (study == null || series == null || object == null) {
            throw Refusal.invalid("studyUID, seriesUID and objectUID are all required");
        }
        if (contentType != null && !contentType.startsWith("application/dicom")) {
            throw new Refusal(Refusal.Kind.NOT_ACCEPTABLE,
                    "this archive serves WADO-URI as application/dicom only, not " + contentType);
        }
        WadoService.StoredInstance s = wado.instances(study, series, object, "wado-uri").get(0);
        StreamingOutput body = out -> {
            try (InputStream in = Files.newInputStream(s.file())) {
                in.transferTo(out);
            }
        };
        return Response.ok(body).type("application/dicom").header("Content-Length", s.size())
                .header("Content-Disposition", "attachment; filename=\"" + s.sopInstanceUid() + ".dcm\"").build();
    }
}

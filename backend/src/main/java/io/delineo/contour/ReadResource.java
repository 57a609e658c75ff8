package io.delineo.contour;

import io.delineo.contour.ReadViews.ReadView;
import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Contours: a reader's own read of a case (GET, PUT with If-Match, submit) and, for the PI, every reader's read.
 * The ETag of a read is its version number in quotes.
 */
@Path("/api/cases")
@Tag(name = "Contours")
@Produces(MediaType.APPLICATION_JSON)
public class ReadResource {
    @Inject
    ReadService reads;

    @GET
    @Path("/{caseId}/my-read")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "The signed-in reader's read of the case, with its version as ETag")
    public Response myRead(@PathParam("caseId") long caseId) {
        return withEtag(reads.myRead(caseId));
    }

    @PUT
    @Path("/{caseId}/my-read")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Save the read as a new version; If-Match must name the version it was edited from "
            + "(409 with the current read when it is stale)")
    public Response save(@PathParam("caseId") long caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         ReadContent content) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Refusal(Refusal.Kind.PRECONDITION_REQUIRED,
                    "If-Match with the version you edited is required (the ETag of GET my-read)");
        }
        return withEtag(reads.save(caseId, version(ifMatch), content));
    }

    @POST
    @Path("/{caseId}/my-read/submit")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Submit the read: final, read-only unless the PI reopens it")
    public Response submit(@PathParam("caseId") long caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(reads.submit(caseId, ifMatch == null || ifMatch.isBlank() ? null : version(ifMatch)));
    }

    @GET
    @Path("/{caseId}/reads")
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Every assigned reader's read of the case (PI only)")
    public List<ReadView> all(@PathParam("caseId") long caseId) {
        return reads.allReads(caseId);
    }

    @POST
    @Path("/{caseId}/reads/{reader}/reopen")
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Reopen a submitted read for its reader")
    public ReadView reopen(@PathParam("caseId") long caseId, @PathParam("reader") String reader) {
        return reads.reopen(caseId, reader);
    }

    static int version(String etag) {
        String v = etag.trim();
        if (v.startsWith("W/")) v = v.substring(2);
        v = v.replace("\"", "").trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("If-Match must be the read's ETag, a version number such as \"3\"; got " + etag);
        }
    }

    private static Response withEtag(ReadView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, "\"" + view.version() + "\"").build();
    }
}

package io.delineo.interop.product;

import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Exports of reads and consensus ROIs to RTSTRUCT, SEG, NIfTI and CSV. */
@Path("/api")
@Tag(name = "Interoperability")
public class InteropResource {
    @Inject
    ExportService exports;

    @GET
    @Path("/reads/{readId}/export")
    @RolesAllowed({Roles.PI, Roles.READER})
    @Operation(summary = "Export a read (readers: their own) as rtstruct | seg | nifti | csv; DICOM exports are also "
            + "stored in the archive")
    public Response exportRead(@PathParam("readId") long readId, @QueryParam("format") String format,
                               @QueryParam("series") String series) {
        return download(exports.exportRead(readId, format == null ? "" : format, series));
    }

    @GET
    @Path("/consensus/{consensusId}/export")
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Export a consensus ROI as rtstruct | seg | nifti | csv")
    public Response exportConsensus(@PathParam("consensusId") long consensusId, @QueryParam("format") String format,
                                    @QueryParam("series") String series) {
        return download(exports.exportConsensus(consensusId, format == null ? "" : format, series));
    }

    private static Response download(ExportService.Exported e) {
        Response.ResponseBuilder r = Response.ok(e.bytes(), e.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"");
        if (e.storedSopInstanceUid() != null) r.header("X-Delineo-Stored-Sop-Instance-Uid", e.storedSopInstanceUid());
        return r.build();
    }
}

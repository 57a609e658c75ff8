package io.delineo.interop.product;

import io.delineo.contour.ReadViews.ReadView;
import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;

/** Imports of RTSTRUCT and SEG objects as a reader's read of a case (PI only). */
@Path("/api/cases")
@Tag(name = "Interoperability")
@Produces(MediaType.APPLICATION_JSON)
public class CaseImportResource {
    @Inject
    ImportService imports;

    @POST
    @Path("/{caseId}/reads/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Import an RTSTRUCT or SEG as a reader's read (parts: file, reader, optional label)")
    public ReadView importRead(@PathParam("caseId") long caseId, @RestForm("file") FileUpload file,
                               @RestForm("reader") String reader, @RestForm("label") String label) {
        if (file == null) throw Refusal.invalid("send the DICOM object as the part 'file'");
        try {
            return imports.importRead(caseId, reader, label, Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw Refusal.invalid("the uploaded file could not be read: " + e.getMessage());
        }
    }

}

package io.delineo.study;

import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import io.delineo.study.StudyViews.CaseView;
import io.delineo.study.StudyViews.PathologyInput;
import io.delineo.study.StudyViews.PathologyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** The PI's handling of one case: phases, removal, pathology reference. */
@Path("/api/cases")
@Tag(name = "Reader studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PI)
public class CaseResource {
    @Inject
    ReaderStudyService studies;
    @Inject
    PathologyService pathology;

    @PUT
    @Path("/{caseId}/series")
    @Operation(summary = "Re-map the case's series to phases (before anyone has read it)")
    public CaseView series(@PathParam("caseId") long caseId, Map<String, String> series) {
        return studies.updateCaseSeries(caseId, series);
    }

    @DELETE
    @Path("/{caseId}")
    @Operation(summary = "Remove a case nobody has read yet")
    public void remove(@PathParam("caseId") long caseId) {
        studies.removeCase(caseId);
    }

    @GET
    @Path("/{caseId}/pathology")
    @Operation(summary = "The pathology reference of the case (PI only)")
    public PathologyView getPathology(@PathParam("caseId") long caseId) {
        return pathology.get(caseId).orElseThrow(() -> Refusal.notFound("no pathology recorded for case " + caseId));
    }

    @PUT
    @Path("/{caseId}/pathology")
    @Operation(summary = "Record the WHO grade, Ki-67 index, mitotic count and source")
    public PathologyView putPathology(@PathParam("caseId") long caseId, PathologyInput in) {
        return pathology.record(caseId, in);
    }
}

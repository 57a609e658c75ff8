package io.delineo.study;

import io.delineo.security.Roles;
import io.delineo.study.StudyViews.WorklistItem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/worklist")
@Tag(name = "Worklist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class WorklistResource {
    @Inject
    WorklistService worklist;

    @GET
    @Operation(summary = "The signed-in reader's assigned cases (filter by status NOT_STARTED / IN_PROGRESS / SUBMITTED)")
    public List<WorklistItem> list(@QueryParam("status") String status, @QueryParam("study") Long study) {
        return worklist.worklist(status, study);
    }

    @GET
    @Path("/next")
    @Operation(summary = "The next case to read (204 when everything is submitted)")
    public Response next() {
        WorklistItem item = worklist.next();
        return item == null ? Response.noContent().build() : Response.ok(item).build();
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "One assigned case: its phases (series), lesion labels and the status of the reader's own read")
    public WorklistItem one(@PathParam("caseId") long caseId) {
        return worklist.one(caseId);
    }
}

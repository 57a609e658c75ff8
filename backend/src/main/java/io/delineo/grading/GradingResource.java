package io.delineo.grading;

import io.delineo.grading.GradingService.PredictionView;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Predictions on cases (stored, audited). */
@Path("/api/cases")
@Tag(name = "Grading")
@Produces(MediaType.APPLICATION_JSON)
public class GradingResource {
    @Inject
    GradingService grading;

    public record PredictionInput(String modelId, String modelVersion, String lesionLabel) {
    }

    @POST
    @Path("/{caseId}/predictions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Run a model on the case's approved consensus ROI and store the prediction")
    public Response predict(@PathParam("caseId") long caseId, PredictionInput in) {
        PredictionView v = grading.predict(caseId, in == null ? null : in.modelId(),
                in == null ? null : in.modelVersion(), in == null ? null : in.lesionLabel());
        return Response.status(201).entity(v).build();
    }

    @GET
    @Path("/{caseId}/predictions")
    @RolesAllowed({Roles.PI, Roles.BOARD})
    @Operation(summary = "Stored predictions of the case, newest first (board: released cases only)")
    public List<PredictionView> list(@PathParam("caseId") long caseId) {
        return grading.list(caseId);
    }
}

package io.delineo.grading;

import io.delineo.grading.TrainingService.TrainingInput;
import io.delineo.grading.TrainingService.TrainingResult;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reader-studies")
@Tag(name = "Grading")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PI)
public class TrainingResource {
    @Inject
    TrainingService training;

    @POST
    @Path("/{id}/trainings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Train an L1 logistic-regression grade model on the study's graded cases (consensus "
            + "features, optionally robust ones only), with stratified k-fold CV; registers it with a generated card")
    public Response train(@PathParam("id") long id, TrainingInput in) {
        TrainingResult r = training.train(id, in);
        return Response.status(201).entity(r).build();
    }
}

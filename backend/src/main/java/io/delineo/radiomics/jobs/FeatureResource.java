package io.delineo.radiomics.jobs;

import io.delineo.radiomics.jobs.FeatureService.JobView;
import io.delineo.radiomics.jobs.FeatureService.Robustness;
import io.delineo.radiomics.jobs.FeatureService.Selection;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Radiomics of reader studies: jobs, results, CSV, robustness across readers. PI only. */
@Path("/api/reader-studies")
@Tag(name = "Radiomics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PI)
public class FeatureResource {
    @Inject
    FeatureService features;

    public record SelectionInput(String settingsHash, String iccType, Double minIcc) {
    }

    @POST
    @Path("/{id}/feature-jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a feature job for the study's consensus and reader ROIs; the body is the settings JSON")
    public Response start(@PathParam("id") long id, String settingsJson) {
        JobView job = features.start(id, settingsJson);
        return Response.accepted(job).location(URI.create("/api/reader-studies/" + id + "/feature-jobs/" + job.id()))
                .build();
    }

    @GET
    @Path("/{id}/feature-jobs")
    @Operation(summary = "Feature jobs of the study, newest first, with progress")
    public List<JobView> jobs(@PathParam("id") long id) {
        return features.jobs(id);
    }

    @GET
    @Path("/{id}/feature-jobs/{jobId}")
    @Operation(summary = "One feature job's progress")
    public JobView job(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        return features.job(id, jobId);
    }

    @POST
    @Path("/{id}/feature-jobs/{jobId}/cancel")
    @Operation(summary = "Cancel a running feature job: cases not started are not run, running ones stop soon")
    public JobView cancel(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        return features.cancel(id, jobId);
    }

    @POST
    @Path("/{id}/feature-jobs/{jobId}/retry")
    @Operation(summary = "Run the failed cases of an ended feature job again")
    public JobView retry(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        return features.retryFailed(id, jobId);
    }

    @GET
    @Path("/{id}/features.csv")
    @Produces("text/csv")
    @Operation(summary = "One row per case × phase × ROI source × lesion label, one column per feature (IBSI codes)")
    public Response csv(@PathParam("id") long id, @QueryParam("settingsHash") String settingsHash) {
        return Response.ok(features.csv(id, settingsHash), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"study-" + id + "-features.csv\"").build();
    }

    @GET
    @Path("/{id}/feature-robustness")
    @Operation(summary = "Per feature ICC(2,1) and ICC(3,1) with 95 % CI across readers, sorted by ICC")
    public Robustness robustness(@PathParam("id") long id, @QueryParam("settingsHash") String settingsHash) {
        return features.robustness(id, settingsHash);
    }

    @POST
    @Path("/{id}/feature-robustness/selection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark as robust the features with ICC at least minIcc (default ICC21 ≥ 0.75) in every group")
    public Selection select(@PathParam("id") long id, SelectionInput in) {
        return features.select(id, in == null ? null : in.settingsHash(),
                in == null || in.iccType() == null ? "ICC21" : in.iccType(),
                in == null || in.minIcc() == null ? 0.75 : in.minIcc());
    }
}

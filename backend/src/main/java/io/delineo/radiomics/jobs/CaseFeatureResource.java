package io.delineo.radiomics.jobs;

import io.delineo.radiomics.jobs.FeatureService.FeatureSetView;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/cases")
@Tag(name = "Radiomics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PI)
public class CaseFeatureResource {
    @Inject
    FeatureService features;

    @GET
    @Path("/{caseId}/features")
    @Operation(summary = "Stored feature sets of a case: roi=consensus or reader:{user}, phase, settingsHash filter")
    public List<FeatureSetView> features(@PathParam("caseId") long caseId, @QueryParam("roi") String roi,
                                         @QueryParam("phase") String phase,
                                         @QueryParam("settingsHash") String settingsHash) {
        return features.caseFeatures(caseId, roi, phase, settingsHash);
    }
}

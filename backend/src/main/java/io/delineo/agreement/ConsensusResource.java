package io.delineo.agreement;

import io.delineo.agreement.AgreementViews.CaseAgreement;
import io.delineo.agreement.ConsensusService.ConsensusInput;
import io.delineo.agreement.ConsensusService.ConsensusView;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

/** Agreement of one case and its consensus ROIs (PI only). */
@Path("/api/cases")
@Tag(name = "Agreement and consensus")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PI)
public class ConsensusResource {
    @Inject
    StudyAgreementService agreement;
    @Inject
    ConsensusService consensus;

    @GET
    @Path("/{caseId}/agreement")
    @Operation(summary = "Per lesion label: reader × reader Dice, Jaccard, HD, HD95, MSD (mm), volumes (mL); "
            + "submitted reads only unless includeInProgress=true")
    public CaseAgreement caseAgreement(@PathParam("caseId") long caseId,
                                       @QueryParam("includeInProgress") @DefaultValue("false") boolean inProgress) {
        return agreement.forCase(caseId, inProgress);
    }

    @POST
    @Path("/{caseId}/consensus")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "New consensus version: method staple | majority (threshold, default 0.5) from the "
            + "submitted reads, or edited (content) by the PI")
    public Response create(@PathParam("caseId") long caseId, ConsensusInput in) {
        ConsensusView v = consensus.create(caseId, in);
        return Response.created(URI.create("/api/cases/" + caseId + "/consensus")).entity(v).build();
    }

    @GET
    @Path("/{caseId}/consensus")
    @Operation(summary = "Consensus versions of the case, newest first")
    public List<ConsensusView> list(@PathParam("caseId") long caseId) {
        return consensus.list(caseId);
    }

    @POST
    @Path("/{caseId}/consensus/{version}/approve")
    @Operation(summary = "Approve a consensus version (the previously approved one is withdrawn)")
    public ConsensusView approve(@PathParam("caseId") long caseId, @PathParam("version") int version) {
        return consensus.approve(caseId, version);
    }
}

package io.delineo.agreement;

import io.delineo.agreement.AgreementViews.StudyAgreement;
import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The PI dashboard of a reader study: JSON, or one table as CSV (Accept: text/csv, ?table=…). */
@Path("/api/reader-studies")
@Tag(name = "Agreement and consensus")
@RolesAllowed(Roles.PI)
public class StudyAgreementResource {
    @Inject
    StudyAgreementService agreement;

    @GET
    @Path("/{id}/agreement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reader × reader Dice matrix, per-case table, per-reader summary with 95 % CI, "
            + "Bland–Altman of volumes, outliers below the Dice threshold")
    public StudyAgreement json(@PathParam("id") long id,
                               @QueryParam("outlierBelow") @DefaultValue("0.7") double threshold,
                               @QueryParam("includeInProgress") @DefaultValue("false") boolean inProgress) {
        return agreement.forStudy(id, check(threshold), inProgress);
    }

    @GET
    @Path("/{id}/agreement")
    @Produces("text/csv;qs=0.5")
    @Operation(summary = "One dashboard table as CSV: table = cases | readers | matrix | bland-altman")
    public Response csv(@PathParam("id") long id, @QueryParam("table") @DefaultValue("cases") String table,
                        @QueryParam("outlierBelow") @DefaultValue("0.7") double threshold,
                        @QueryParam("includeInProgress") @DefaultValue("false") boolean inProgress) {
        if (!AgreementCsv.TABLES.contains(table)) {
            throw Refusal.invalid("table must be one of " + AgreementCsv.TABLES);
        }
        String body = AgreementCsv.of(agreement.forStudy(id, check(threshold), inProgress), table);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"study-" + id + "-" + table + ".csv\"").build();
    }

    private static double check(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) throw Refusal.invalid("outlierBelow must be between 0 and 1");
        return threshold;
    }
}

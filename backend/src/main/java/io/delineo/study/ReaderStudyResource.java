package io.delineo.study;

import io.delineo.security.Roles;
import io.delineo.study.StudyViews.CaseInput;
import io.delineo.study.StudyViews.CaseView;
import io.delineo.study.StudyViews.SeriesSuggestion;
import io.delineo.study.StudyViews.StatusInput;
import io.delineo.study.StudyViews.StudyInput;
import io.delineo.study.StudyViews.StudyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/reader-studies")
@Tag(name = "Reader studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PI)
public class ReaderStudyResource {
    @Inject
    ReaderStudyService studies;

    @GET
    @Operation(summary = "All reader studies with per-reader progress")
    public List<StudyView> list() {
        return studies.list();
    }

    @POST
    @Operation(summary = "Create a reader study (status DRAFT)")
    public Response create(StudyInput in) {
        StudyView v = studies.create(in);
        return Response.created(URI.create("/api/reader-studies/" + v.id())).entity(v).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One reader study")
    public StudyView get(@PathParam("id") long id) {
        return studies.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change name, purpose, lesion labels, phases, readers or blinding")
    public StudyView update(@PathParam("id") long id, StudyInput in) {
        return studies.update(id, in);
    }

    @POST
    @Path("/{id}/status")
    @Operation(summary = "Move the study DRAFT → OPEN → CLOSED (and CLOSED → OPEN to reopen)")
    public StudyView status(@PathParam("id") long id, StatusInput in) {
        return studies.changeStatus(id, in == null ? null : in.status());
    }

    @GET
    @Path("/{id}/cases")
    @Operation(summary = "Cases of the study with each reader's status")
    public List<CaseView> cases(@PathParam("id") long id) {
        return studies.cases(id);
    }

    @POST
    @Path("/{id}/cases")
    @Operation(summary = "Add an archive study as a case, mapping series to phases")
    public Response addCase(@PathParam("id") long id, CaseInput in) {
        CaseView v = studies.addCase(id, in);
        return Response.created(URI.create("/api/cases/" + v.id())).entity(v).build();
    }

    @GET
    @Path("/phase-suggestions")
    @Operation(summary = "The series of an archive study with a suggested phase each")
    public List<SeriesSuggestion> suggestions(@QueryParam("studyInstanceUid") String studyInstanceUid) {
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
            throw io.delineo.domain.Refusal.invalid("studyInstanceUid is required");
        }
        return studies.suggest(studyInstanceUid.trim());
    }

    @GET
    @Path("/readers")
    @Operation(summary = "Users with the reader role, who can be assigned")
    public List<StudyViews.Reader> readers() {
        return studies.readers();
    }
}

package io.delineo.archive.web;

import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * QIDO-RS searches (PS3.18 10.6). PIs and administrators search the whole archive; readers and board members only
 * the series granted to them.
 */
@Path("/dicom-web")
@Tag(name = "DICOMweb")
@Produces({"application/dicom+json", "application/json"})
@RolesAllowed({Roles.READER, Roles.PI, Roles.BOARD, Roles.ADMIN})
public class QidoResource {
    /** retrieve URLs are built from this configured address, never from the request's Host header */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "delineo.public-base-url")
    String publicBaseUrl;
    @Inject
    QidoService qido;

    @GET
    @Path("/studies")
    @Operation(summary = "QIDO-RS: search studies")
    public String studies(@Context UriInfo uri) {
        return run(QidoQuery.Level.STUDY, uri, null, null);
    }

    @GET
    @Path("/series")
    @Operation(summary = "QIDO-RS: search series of all studies")
    public String allSeries(@Context UriInfo uri) {
        return run(QidoQuery.Level.SERIES, uri, null, null);
    }

    @GET
    @Path("/studies/{study}/series")
    @Operation(summary = "QIDO-RS: search series of a study")
    public String series(@PathParam("study") String study, @Context UriInfo uri) {
        return run(QidoQuery.Level.SERIES, uri, study, null);
    }

    @GET
    @Path("/instances")
    @Operation(summary = "QIDO-RS: search instances of all studies")
    public String allInstances(@Context UriInfo uri) {
        return run(QidoQuery.Level.INSTANCE, uri, null, null);
    }

    @GET
    @Path("/studies/{study}/instances")
    @Operation(summary = "QIDO-RS: search instances of a study")
    public String studyInstances(@PathParam("study") String study, @Context UriInfo uri) {
        return run(QidoQuery.Level.INSTANCE, uri, study, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances")
    @Operation(summary = "QIDO-RS: search instances of a series")
    public String instances(@PathParam("study") String study, @PathParam("series") String series,
                            @Context UriInfo uri) {
        return run(QidoQuery.Level.INSTANCE, uri, study, series);
    }

    private String run(QidoQuery.Level level, UriInfo uri, String study, String series) {
        QidoQuery query;
        try {
            query = QidoQuery.parse(level, uri.getQueryParameters());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
        return qido.search(query, study, series, publicBaseUrl.replaceAll("/+$", ""));
    }
}

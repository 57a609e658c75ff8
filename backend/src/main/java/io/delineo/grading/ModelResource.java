package io.delineo.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.audit.AuditAction;
import io.delineo.domain.Refusal;
import io.delineo.grading.TrainingService.EvaluationResult;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.model.ModelRejectedException;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The model registry: cards for everyone who sees predictions, uploads for administrators, evaluation for PIs. */
@Path("/api/models")
@Tag(name = "Grading")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    @Inject
    ModelStore models;
    @Inject
    TrainingService training;
    @Inject
    ObjectMapper json;
    @Inject
    io.delineo.audit.AuditTrail audit;

    public record ModelItem(String id, String version, JsonNode card, String source, String sha256) {
    }

    @GET
    @RolesAllowed({Roles.PI, Roles.BOARD, Roles.ADMIN})
    @Operation(summary = "Registered models with their cards")
    @Transactional
    public List<ModelItem> list() {
        return GradeModel.all().stream().map(this::item).toList();
    }

    @GET
    @Path("/{id}/{version}")
    @RolesAllowed({Roles.PI, Roles.BOARD, Roles.ADMIN})
    @Operation(summary = "One model's card")
    @Transactional
    public JsonNode card(@PathParam("id") String id, @PathParam("version") String version) {
        GradeModel m = GradeModel.of(id, version).orElseThrow(() -> Refusal.notFound("no model " + id + " " + version));
        return item(m).card();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Upload a model: parts 'model' (ONNX) and 'card' (model-card JSON); validated, then immutable")
    public Response upload(@RestForm("model") FileUpload model, @RestForm("card") String card) {
        if (model == null || card == null || card.isBlank()) {
            throw Refusal.invalid("send two parts: 'model' (the .onnx file) and 'card' (the model-card JSON)");
        }
        byte[] onnx;
        try {
            onnx = Files.readAllBytes(model.uploadedFile());
        } catch (IOException e) {
            throw Refusal.invalid("the model file could not be read: " + e.getMessage());
        }
        RegisteredModel registered;
        try {
            registered = models.store(onnx, card, "UPLOADED");
        } catch (ModelRejectedException e) {
            audit.recordSeparately(AuditAction.MODEL_UPLOAD, "model", null, io.delineo.audit.AuditOutcome.FAILED,
                    Map.of("reason", e.getMessage()));
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, e.getMessage());
        }
        return Response.status(201).entity(Map.of("id", registered.card().id(), "version", registered.card().version(),
                "sha256", registered.sha256(), "card", parse(ModelCardJson.write(registered.card())))).build();
    }

    @GET
    @Path("/{id}/{version}/evaluation")
    @RolesAllowed(Roles.PI)
    @Operation(summary = "ROC (one-vs-rest and micro-average), AUC with bootstrap 95 % CI, confusion matrix and "
            + "calibration of a model on a study's cases with pathology grade and approved consensus")
    public EvaluationResult evaluate(@PathParam("id") String id, @PathParam("version") String version,
                                     @QueryParam("study") Long study) {
        if (study == null) throw Refusal.invalid("name the labelled study: ?study={id}");
        return training.evaluate(id, version, study);
    }

    private ModelItem item(GradeModel m) {
        return new ModelItem(m.modelId, m.version, parse(m.card), m.source, m.sha256);
    }

    private JsonNode parse(String s) {
        try {
            return json.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

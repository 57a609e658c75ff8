package io.delineo.grading;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.grading.inference.OnnxRuntimeEngine;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.ModelRejectedException;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.platform.StartupChecks;
import io.delineo.storage.ObjectStorage;
import io.delineo.storage.StorageArea;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's grade models: the shipped ones (onnx-models/) and those uploaded or trained since (in the
 * storage's MODELS area, {@code <id>/<version>/}), checked by the registry and mirrored in the database. Each file is
 * written atomically, model.onnx last, and never changed afterwards.
 */
@ApplicationScoped
public class ModelStore {
    private static final Logger LOG = Logger.getLogger(ModelStore.class);
    private static final String MODEL = "model.onnx";
    private static final String CARD = "model-card.json";
    private static final String TRAINED = "TRAINED";

    @ConfigProperty(name = "delineo.models-dir")
    Optional<String> shippedDir;
    @Inject
    ObjectStorage storage;
    @Inject
    AuditTrail audit;

    private final OnnxRuntimeEngine engine = new OnnxRuntimeEngine();
    private final ModelRegistry registry = new ModelRegistry(engine);

    public ModelRegistry registry() { return registry; }

    void onStart(@Observes StartupChecks.Ready ready) {
        shippedDir.filter(d -> !d.isBlank()).map(Path::of).ifPresent(dir -> {
            ModelRegistry.LoadReport report = registry.loadAll(dir);
            report.refused().forEach(f -> LOG.errorf("model in %s refused: %s", f.folder(), f.reason()));
            report.loaded().forEach(m -> mirror(m, dir.resolve(m.card().id()).toAbsolutePath().toString(), "SHIPPED"));
        });
        List<String> keys;
        try {
            keys = storage.list(StorageArea.MODELS, "");
        } catch (IOException | RuntimeException e) {
            LOG.errorf("cannot list the stored models in %s: %s", storage.describe(), e.getMessage());
            return;
        }
        // a model is complete once its model.onnx exists: it is written last
        for (String key : keys.stream().filter(k -> k.endsWith("/" + MODEL) && k.split("/").length == 3).toList()) {
            String folder = key.substring(0, key.length() - MODEL.length());
            try {
                RegisteredModel m = registry.register(storage.read(StorageArea.MODELS, key),
                        new String(storage.read(StorageArea.MODELS, folder + CARD), StandardCharsets.UTF_8));
                mirror(m, storage.locationOf(StorageArea.MODELS, folder.substring(0, folder.length() - 1)),
                        keys.contains(folder + TRAINED) ? "TRAINED" : "UPLOADED");
            } catch (IOException | RuntimeException e) {
                LOG.errorf("stored model in %s refused: %s", folder, e.getMessage());
            }
        }
    }

    /** Registers new model bytes + card for good: files first (atomically), then the registry and the database row. */
    public RegisteredModel store(byte[] onnx, String cardJson, String source) {
        var validation = registry.validateUpload(onnx, cardJson);
        if (!validation.accepted()) {
            throw new ModelRejectedException(validation.problems());
        }
        var card = validation.card();
        if (registry.find(card.id(), card.version()).isPresent()) {
            throw new ModelRejectedException(List.of("model " + card.id() + " " + card.version()
                    + " is already registered; models are immutable: give the new one a new version"));
        }
        String folder = card.id() + "/" + card.version() + "/";
        try {
            storage.put(StorageArea.MODELS, folder + CARD, cardJson.getBytes(StandardCharsets.UTF_8));
            if ("TRAINED".equals(source)) {
                storage.put(StorageArea.MODELS, folder + TRAINED, "trained in the portal\n".getBytes(StandardCharsets.UTF_8));
            }
            storage.put(StorageArea.MODELS, folder + MODEL, onnx);
        } catch (IOException e) {
            deleteQuietly(folder);
            throw new IllegalStateException("the model files could not be written: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
        try {
            RegisteredModel m = registry.register(onnx, cardJson);
            mirror(m, storage.locationOf(StorageArea.MODELS, folder.substring(0, folder.length() - 1)), source);
            return m;
        } catch (RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
    }

    /** The database row of a registered model (created when missing). */
    private void mirror(RegisteredModel m, String location, String source) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<GradeModel> existing = GradeModel.of(m.card().id(), m.card().version());
            if (existing.isPresent()) {
                if (!existing.get().sha256.equals(m.sha256())) {
                    LOG.errorf("model %s changed on disk (sha256 %s, registered %s): the registered file is authoritative",
                            m.key(), m.sha256(), existing.get().sha256);
                }
                return;
            }
            GradeModel g = new GradeModel();
            g.modelId = m.card().id();
            g.version = m.card().version();
            g.card = ModelCardJson.write(m.card());
            g.sha256 = m.sha256();
            g.filePath = location;
            g.source = source;
            g.registeredBy = source.equals("SHIPPED") ? "system" : currentUserName();
            g.persist();
            audit.recordAs(new io.delineo.security.CurrentUser.Snapshot(g.registeredBy, g.registeredBy,
                            java.util.Set.of()), AuditAction.MODEL_REGISTER, "model", m.key(),
                    io.delineo.audit.AuditOutcome.SUCCESS, Map.of("source", source, "sha256", m.sha256()));
        });
    }

    private String currentUserName() {
        return io.quarkus.arc.Arc.container().instance(io.delineo.security.CurrentUser.class).get().name();
    }

    /** Model then marker then card, so that an interrupted removal never leaves a model without its card. */
    private void deleteQuietly(String folder) {
        for (String name : List.of(MODEL, TRAINED, CARD)) {
            try {
                storage.delete(StorageArea.MODELS, folder + name);
            } catch (IOException | RuntimeException ignored) {
                // without model.onnx the folder is skipped at the next start
            }
        }
    }

    @PreDestroy
    void close() {
        engine.close();
    }

    public List<RegisteredModel> models() {
        return registry.models();
    }
}

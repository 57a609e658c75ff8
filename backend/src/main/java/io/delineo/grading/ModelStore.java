package io.delineo.grading;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.grading.inference.OnnxRuntimeEngine;
import io.delineo.grading.model.ModelCardJson;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.ModelRejectedException;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.platform.StartupChecks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The portal's grade models: the shipped ones (onnx-models/) and those uploaded or trained since (under the data
 * directory), checked by the registry and mirrored in the database. Files are written atomically (temporary folder,
 * then rename) and never changed afterwards.
 */
@ApplicationScoped
public class ModelStore {
    private static final Logger LOG = Logger.getLogger(ModelStore.class);

    @ConfigProperty(name = "delineo.models-dir")
    Optional<String> shippedDir;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;
    @Inject
    AuditTrail audit;

    private final OnnxRuntimeEngine engine = new OnnxRuntimeEngine();
    private final ModelRegistry registry = new ModelRegistry(engine);

    public ModelRegistry registry() { return registry; }

    void onStart(@Observes StartupChecks.Ready ready) {
        shippedDir.filter(d -> !d.isBlank()).map(Path::of).ifPresent(dir -> {
            ModelRegistry.LoadReport report = registry.loadAll(dir);
            report.refused().forEach(f -> LOG.errorf("model in %s refused: %s", f.folder(), f.reason()));
            report.loaded().forEach(m -> mirror(m, dir.resolve(m.card().id()), "SHIPPED"));
        });
        Path stored = storedRoot();
        if (Files.isDirectory(stored)) {
            try (Stream<Path> versions = Files.list(stored).flatMap(ModelStore::children)) {
                for (Path v : versions.filter(p -> Files.exists(p.resolve("model.onnx"))).toList()) {
                    try {
                        RegisteredModel m = registry.register(Files.readAllBytes(v.resolve("model.onnx")),
                                Files.readString(v.resolve("model-card.json")));
                        mirror(m, v, Files.exists(v.resolve("TRAINED")) ? "TRAINED" : "UPLOADED");
                    } catch (IOException | RuntimeException e) {
                        LOG.errorf("stored model in %s refused: %s", v, e.getMessage());
                    }
                }
            } catch (IOException e) {
                LOG.errorf("cannot list %s: %s", stored, e.getMessage());
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
        Path target = storedRoot().resolve(card.id()).resolve(card.version());
        Path temp = storedRoot().resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            Files.write(temp.resolve("model.onnx"), onnx);
            Files.writeString(temp.resolve("model-card.json"), cardJson);
            if ("TRAINED".equals(source)) Files.writeString(temp.resolve("TRAINED"), "trained in the portal\n");
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new IllegalStateException("the model files could not be written: " + e.getMessage(), e);
        }
        try {
            RegisteredModel m = registry.register(onnx, cardJson);
            mirror(m, target, source);
            return m;
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    /** The database row of a registered model (created when missing). */
    private void mirror(RegisteredModel m, Path folder, String source) {
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
            g.filePath = folder.toAbsolutePath().toString();
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

    private Path storedRoot() {
        return Path.of(dataDir).resolve("models");
    }

    private static Stream<Path> children(Path p) {
        try {
            return Files.isDirectory(p) && !p.getFileName().toString().startsWith(".") ? Files.list(p).toList().stream()
                    : Stream.empty();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing was registered; a leftover temporary folder is skipped at the next start
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

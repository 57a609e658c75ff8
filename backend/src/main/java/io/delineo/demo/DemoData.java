package io.delineo.demo;

import io.delineo.archive.DemoArchiveLoader;
import io.delineo.platform.StartupChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Demo content for `./delineo up` (DELINEO_DEMO_DATA points at backend/demo-data): the pancreatic CT in the archive.
 * Runs once the schema is migrated; everything it loads goes through the normal services and is audited as
 * the system user.
 */
@ApplicationScoped
public class DemoData {
    @ConfigProperty(name = "delineo.demo-data")
    Optional<String> demoData;

    @Inject
    DemoArchiveLoader archive;

    void onReady(@Observes StartupChecks.Ready ready) {
        if (demoData.isEmpty() || demoData.get().isBlank()) return;
        Path root = Path.of(demoData.get());
        archive.load(root.resolve("pancreatic-ct"));
    }
}

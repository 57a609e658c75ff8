package io.delineo.demo;

import io.delineo.archive.DemoArchiveLoader;
import io.delineo.platform.StartupChecks;
import io.delineo.study.DemoReaderStudy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Demo content for `./delineo up` (DELINEO_DEMO_DATA points at backend/demo-data): the pancreatic CT in the archive
 * and an open reader study on it for reader1–reader3; the LIDC-IDRI slabs with their four radiologists' reads.
 * Runs once the schema is migrated; everything it loads goes through the normal services and is audited as
 * the system user.
 */
@ApplicationScoped
public class DemoData {
    @ConfigProperty(name = "delineo.demo-data")
    Optional<String> demoData;

    /** StudyInstanceUID of the demo CT (TCIA Pancreas-CT-CB_001). */
    static final String DEMO_CT_STUDY = "1.3.6.1.4.1.14519.5.2.1.21087345762211724523378497892240459677";

    @Inject
    DemoArchiveLoader archive;
    @Inject
    DemoReaderStudy readerStudy;
    @Inject
    DemoLidcStudy lidc;

    void onReady(@Observes StartupChecks.Ready ready) {
        if (demoData.isEmpty() || demoData.get().isBlank()) return;
        Path root = Path.of(demoData.get());
        // demo content is a convenience: a failure is reported, the portal still starts
        try {
            archive.load(root.resolve("pancreatic-ct"));
            if (readerStudy.createIfAbsent(DEMO_CT_STUDY)) LOG.info("demo data: created the demo reader study");
            archive.load(root.resolve("lidc-idri"));
            if (lidc.createIfAbsent(root.resolve("lidc-idri"))) LOG.info("demo data: created the LIDC-IDRI study");
        } catch (RuntimeException e) {
            LOG.error("demo data could not be created completely: " + e.getMessage());
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DemoData.class);
}

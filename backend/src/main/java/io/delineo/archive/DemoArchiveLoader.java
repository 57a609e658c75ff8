package io.delineo.archive;

import io.delineo.dicom.DicomException;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.ReadOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a folder of demo DICOM files through the archive's one ingest path, once: a folder whose study is already
 * complete in the archive is skipped, so restarts do not re-ingest (or re-audit) it.
 */
@ApplicationScoped
public class DemoArchiveLoader {
    private static final Logger LOG = Logger.getLogger(DemoArchiveLoader.class);

    @Inject
    IngestService ingest;

    /** Ingests every DICOM file under {@code folder}; returns the number newly stored. */
    public int load(Path folder) {
        List<Path> files = dicomFiles(folder);
        if (files.isEmpty() || alreadyLoaded(files)) return 0;
        int stored = 0;
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                IngestResult r = ingest.ingest(in, false, "demo-data");
                if (r.failed()) LOG.warnf("demo file %s was not stored: %s", f, r.message());
                else if (r.status() != IngestResult.Status.ALREADY_STORED) stored++;
            } catch (IOException e) {
                LOG.warnf("demo file %s could not be read: %s", f, e.getMessage());
            }
        }
        LOG.infof("demo data: stored %d of %d files from %s", stored, files.size(), folder);
        return stored;
    }

    private static List<Path> dicomFiles(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".dcm"))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.warnf("demo folder %s cannot be listed: %s", folder, e.getMessage());
            return List.of();
        }
    }

    @Transactional
    boolean alreadyLoaded(List<Path> files) {
        try {
            String sop = DicomReader.read(files.get(files.size() - 1), ReadOptions.defaults().withStopBeforePixelData(true))
                    .dataset().getString(Tags.SOPInstanceUID);
            return sop != null && Instance.findByUid(sop.trim()).isPresent();
        } catch (DicomException e) {
            return false;
        }
    }
}

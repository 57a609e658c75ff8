package io.delineo.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The archive's file store under {@code <data-dir>/archive}. */
@ApplicationScoped
public class ArchiveFiles {
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;

    @Produces
    @Singleton
    ContentAddressedStore store() {
        try {
            return new ContentAddressedStore(Path.of(dataDir).resolve("archive"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive directory under " + dataDir, e);
        }
    }
}

package io.delineo.demo;

import io.delineo.study.ReaderStudy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.file.Path;

/** Test helper: the LIDC demo study, created once per test run. */
@ApplicationScoped
public class DemoLidcStudyAccess {
    @Inject
    DemoLidcStudy lidc;

    public long studyId(Path root) {
        lidc.createIfAbsent(root);
        return id();
    }

    @Transactional
    long id() {
        return ReaderStudy.<ReaderStudy>find("name", DemoLidcStudy.NAME).firstResult().id;
    }
}

package io.delineo.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of ARCHITECTURE.md, checked on the compiled classes (not the tests). */
class ArchitectureTest {
    /** Compute code that runs without Quarkus: in a unit test, a benchmark or the command line. */
    static final String[] KERNELS = {
            "io.delineo.domain..",
            "io.delineo.dicom..",
            "io.delineo.imaging..",
            "io.delineo.stats..",
            "io.delineo.agreement.metrics..",
            "io.delineo.agreement.consensus..",
            "io.delineo.contour.raster..",
            "io.delineo.contour.lidc..",
            "io.delineo.radiomics",
            "io.delineo.radiomics.features..",
            "io.delineo.radiomics.processing..",
            "io.delineo.grading.training..",
            "io.delineo.grading.evaluation..",
            "io.delineo.grading.inference..",
            "io.delineo.interop.common..",
            "io.delineo.interop.deid..",
            "io.delineo.interop.nifti..",
            "io.delineo.interop.rtstruct..",
            "io.delineo.interop.seg..",
    };

    static final String[] FRAMEWORKS = {
            "jakarta..", "io.quarkus..", "org.hibernate..", "com.fasterxml.jackson..", "io.vertx..",
    };

    static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.delineo");

    @Test
    void capabilityPackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.delineo.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(PORTAL);
    }

    @Test
    void kernelsUseNoFramework() {
        noClasses().that().resideInAnyPackage(KERNELS)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("kernels take arrays and value objects and run without Quarkus")
                .check(PORTAL);
    }

    @Test
    void servicesSpeakTheDomainNotHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("services throw io.delineo.domain.Refusal; only resources and the error mapper speak HTTP")
                .check(PORTAL);
    }

    @Test
    void domainDependsOnNothingElseInThePortal() {
        noClasses().that().resideInAPackage("io.delineo.domain..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "reside in io.delineo outside io.delineo.domain",
                        c -> c.getPackageName().startsWith("io.delineo.")
                                && !c.getPackageName().startsWith("io.delineo.domain")))
                .check(PORTAL);
    }
}

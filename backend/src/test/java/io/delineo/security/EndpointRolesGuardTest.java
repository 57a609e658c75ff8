package io.delineo.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Enumerates every JAX-RS endpoint compiled into the application and fails if one does not declare its roles. */
class EndpointRolesGuardTest {

    @Test
    void everyApplicationEndpointDeclaresItsRoles() throws IOException {
        Index index = indexOf(Path.of("target/classes"));
        assertThat(EndpointRolesGuard.endpoints(index))
                .as("the scan finds the application's endpoints (is target/classes compiled?)")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(EndpointRolesGuard.violations(index)).isEmpty();
    }

    // --- the guard itself must catch what it is meant to catch -------------------------------------

    static class Open {
        @GET
        public String nothingDeclared() { return ""; }
    }

    static class PublicWithoutReason {
        @GET
        @PermitAll
        public String noReason() { return ""; }
    }

    @RolesAllowed(Roles.PI)
    static class ClassLevel {
        @GET
        public String inherits() { return ""; }

        @POST
        @PermitAll
        public String overridesWithoutReason() { return ""; }

        @GET
        @RolesAllowed("superuser")
        public String unknownRole() { return ""; }
    }

    static class Good {
        @GET
        @PermitAll
        @PublicBecause("health of the client")
        public String open() { return ""; }

        @GET
        @RolesAllowed({Roles.READER, Roles.PI})
        public String closed() { return ""; }
    }

    @Test
    void guardFindsEachKindOfViolation() throws IOException {
        Index index = Index.of(Open.class, PublicWithoutReason.class, ClassLevel.class, Good.class);
        List<String> problems = EndpointRolesGuard.violations(index);
        assertThat(problems).hasSize(4);
        assertThat(problems).anyMatch(p -> p.contains("Open#nothingDeclared") && p.contains("no @RolesAllowed"));
        assertThat(problems).anyMatch(p -> p.contains("PublicWithoutReason#noReason") && p.contains("@PublicBecause"));
        assertThat(problems).anyMatch(p -> p.contains("ClassLevel#overridesWithoutReason"));
        assertThat(problems).anyMatch(p -> p.contains("ClassLevel#unknownRole") && p.contains("superuser"));
    }

    private static Index indexOf(Path classes) throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes.resolve("io/delineo"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }
}

package io.delineo.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Put on one class so every @QuarkusTest shares the same resources (one application start): a real PostgreSQL and the
 * in-process OIDC server. Test classes simply use {@code @QuarkusTest}.
 */
@QuarkusTestResource(value = PostgresTestResource.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class)
public final class DelineoTestProfile {
    private DelineoTestProfile() {
    }
}

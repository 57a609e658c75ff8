package io.delineo.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.Set;

/** Real signed JWTs from the in-process OIDC server, one per demo user, with that user's realm roles. */
public final class TestTokens {
    private TestTokens() {
    }

    public static String token(String user, String... roles) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(roles));
    }

    public static String reader(String name) { return token(name, "reader"); }

    public static String pi() { return token("pi", "pi"); }

    public static String board() { return token("board", "board"); }

    public static String admin() { return token("admin", "admin"); }
}

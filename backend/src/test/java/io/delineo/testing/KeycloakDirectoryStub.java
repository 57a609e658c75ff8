package io.delineo.testing;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Keycloak's admin API as the in-process OIDC server answers it in API tests: the users holding the realm role
 * reader. (Browser tests use the real Keycloak.)
 */
public final class KeycloakDirectoryStub {
    private KeycloakDirectoryStub() {
    }

    public static void readers(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=delineo-api"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"directory-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        server.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/roles/reader/users"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer directory-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"username":"reader1","firstName":"Rhea","lastName":"Lindqvist","enabled":true},
                         {"username":"reader2","firstName":"Ravi","lastName":"Mehta","enabled":true},
                         {"username":"reader3","firstName":"Rosa","lastName":"Alvarez","enabled":true}]""")));
    }
}

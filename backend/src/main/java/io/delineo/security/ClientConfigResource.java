package io.delineo.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/config")
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    public record ClientConfig(String keycloakUrl, String realm, String clientId) {
    }

    @ConfigProperty(name = "delineo.oidc.browser-url")
    String browserIssuer;

    @ConfigProperty(name = "delineo.oidc.browser-client-id")
    String clientId;

    @GET
    @PermitAll
    @PublicBecause("the browser must learn where to log in before it has a token; it returns no data")
    @Operation(summary = "Where the browser signs in (Keycloak URL, realm, public client id)")
    public ClientConfig config() {
        // issuer = {keycloak}/realms/{realm}
        String issuer = browserIssuer.replaceAll("/+$", "");
        int cut = issuer.lastIndexOf("/realms/");
        return new ClientConfig(issuer.substring(0, cut), issuer.substring(cut + "/realms/".length()), clientId);
    }
}

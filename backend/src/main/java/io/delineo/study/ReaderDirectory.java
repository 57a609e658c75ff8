package io.delineo.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The users who hold the realm role {@code reader}, read from Keycloak's admin API with the API client's service
 * account (realm-management: view-users). Cached briefly: assigning readers is rare, the login server is not.
 */
@ApplicationScoped
public class ReaderDirectory {
    private static final Duration CACHE = Duration.ofSeconds(30);

    public record Reader(String userName, String displayName) {
    }

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;
    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;
    @ConfigProperty(name = "delineo.oidc.api-client-secret")
    String clientSecret;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile List<Reader> cached;
    private volatile long cachedAt;

    public List<Reader> readers() {
        List<Reader> c = cached;
        if (c != null && System.nanoTime() - cachedAt < CACHE.toNanos()) return c;
        return refresh();
    }

    /** A name missing from the cache is looked up afresh: the PI may have just created the user in Keycloak. */
    public boolean isReader(String userName) {
        return contains(readers(), userName) || contains(refresh(), userName);
    }

    private static boolean contains(List<Reader> readers, String userName) {
        return readers.stream().anyMatch(r -> r.userName().equals(userName));
    }

    private List<Reader> refresh() {
        List<Reader> fresh = fetch();
        cached = fresh;
        cachedAt = System.nanoTime();
        return fresh;
    }

    private List<Reader> fetch() {
        String base = issuer.replaceAll("/+$", "");
        int cut = base.lastIndexOf("/realms/");
        String realm = base.substring(cut + "/realms/".length());
        String admin = base.substring(0, cut) + "/admin/realms/" + realm;
        try {
            HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (tokenResponse.statusCode() != 200) {
                throw new Refusal(Refusal.Kind.UPSTREAM_FAILED, "Keycloak refused the portal's service account ("
                        + tokenResponse.statusCode() + "); cannot list readers");
            }
            String token = json.readTree(tokenResponse.body()).get("access_token").asText();
            HttpResponse<String> users = http.send(HttpRequest.newBuilder(
                            URI.create(admin + "/roles/reader/users?max=1000"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (users.statusCode() != 200) {
                throw new Refusal(Refusal.Kind.UPSTREAM_FAILED,
                        "Keycloak did not list the readers (" + users.statusCode() + ")");
            }
            List<Reader> out = new ArrayList<>();
            for (JsonNode u : json.readTree(users.body())) {
                if (!u.path("enabled").asBoolean(true)) continue;
                String first = u.path("firstName").asText(""), last = u.path("lastName").asText("");
                String display = (first + " " + last).trim();
                out.add(new Reader(u.get("username").asText(), display.isEmpty() ? u.get("username").asText() : display));
            }
            out.sort(java.util.Comparator.comparing(Reader::userName));
            return List.copyOf(out);
        } catch (java.io.IOException e) {
            throw new Refusal(Refusal.Kind.UPSTREAM_FAILED,
                    "Keycloak is not reachable to list readers: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "interrupted while listing readers");
        }
    }
}

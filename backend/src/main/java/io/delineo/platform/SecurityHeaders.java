package io.delineo.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Browser-facing response headers for everything the portal serves: a strict Content-Security-Policy (scripts only
 * from the portal, WebAssembly for the viewer's codecs, workers from the portal or blob:, Keycloak the only other
 * origin the page may talk to or frame), no MIME sniffing, no framing, no referrer, HSTS over TLS; and caching:
 * patient data (API, DICOMweb) is never stored by browsers or proxies unless the resource chose a policy itself
 * (immutable instance content), the app page is revalidated on every load so an upgrade shows at once, and the
 * build's content-hashed assets are cached for a year.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String HASHED_ASSETS = "public, max-age=31536000, immutable";

    @ConfigProperty(name = "delineo.oidc.browser-url")
    String keycloakBrowserUrl;

    private String csp;

    void register(@Observes Filters filters) {
        csp = contentSecurityPolicy(origin(keycloakBrowserUrl));
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> apply(rc));
            rc.next();
        }, 300);
    }

    static String contentSecurityPolicy(String keycloak) {
        String kc = keycloak == null ? "" : " " + keycloak;
        return "default-src 'self'; "
                + "script-src 'self' 'wasm-unsafe-eval'; "
                + "worker-src 'self' blob:; "
                // the codec workers fetch their inlined WebAssembly from data: URLs; tokens are refreshed at Keycloak
                + "connect-src 'self' data: blob:" + kc + "; "
                + "img-src 'self' data: blob:; "
                // Cornerstone's SVG annotations and React set inline style attributes
                + "style-src 'self' 'unsafe-inline'; "
                + "font-src 'self' data:; "
                + "frame-src" + (kc.isEmpty() ? " 'none'" : kc) + "; "
                + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" + kc;
    }

    /** scheme://host[:port] of a URL, or null when it has none. */
    static String origin(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) return null;
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void apply(RoutingContext rc) {
        MultiMap h = rc.response().headers();
        h.set("Content-Security-Policy", csp);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        if (rc.request().isSSL()) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        String path = rc.normalizedPath();
        if (path.startsWith("/assets/")) {
            if (rc.response().getStatusCode() == 200) h.set("Cache-Control", HASHED_ASSETS);
            else h.set("Cache-Control", "no-store");
        } else if (HttpFilters.isServerPath(path)) {
            // resources that chose a policy (immutable instance content) keep it
            if (!h.contains("Cache-Control")) h.set("Cache-Control", "no-store");
        } else {
            // the app page and its unhashed files: always revalidated, so an upgrade is picked up on the next load
            h.set("Cache-Control", "no-cache");
            h.remove("Expires");
        }
    }
}

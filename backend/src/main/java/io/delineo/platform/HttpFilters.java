package io.delineo.platform;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.audit.RequestMetadata;
import io.delineo.security.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HTTP concerns that sit below JAX-RS: a request id on every request, client-side routes of the single-page app
 * served by index.html, and an audit event for every 401/403 the security layer produces before our code runs.
 */
@ApplicationScoped
public class HttpFilters {
    private static final Logger LOG = Logger.getLogger(HttpFilters.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String[] SERVER_PREFIXES = {"/api/", "/api", "/q/", "/dicom-web", "/wado"};

    @Inject
    AuditTrail trail;
    @Inject
    Vertx vertx;

    void register(@Observes Filters filters) {
        filters.register(this::requestIdAndDenialAudit, 200);
        filters.register(this::singlePageAppRoutes, 100);
    }

    private void requestIdAndDenialAudit(RoutingContext rc) {
        if (rc.get(RequestMetadata.REQUEST_ID_KEY) == null) {
            String incoming = rc.request().getHeader("X-Request-Id");
            String id = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                    ? incoming : UUID.randomUUID().toString();
            rc.put(RequestMetadata.REQUEST_ID_KEY, id);
            rc.response().putHeader("X-Request-Id", id);
            if (isServerPath(rc.normalizedPath())) {
                rc.addHeadersEndHandler(v -> auditFrameworkDenial(rc));
            }
        }
        rc.next();
    }

    private void auditFrameworkDenial(RoutingContext rc) {
        int status = rc.response().getStatusCode();
        if ((status != 401 && status != 403) || rc.get(RequestMetadata.DENIAL_AUDITED_KEY) != null) return;
        CurrentUser.Snapshot user = userOf(rc);
        String requestId = RequestMetadata.requestId(rc);
        String client = RequestMetadata.clientAddress(rc);
        String path = rc.normalizedPath();
        String method = rc.request().method().name();
        Map<String, Object> details = Map.of("method", method, "path", path, "status", status,
                "reason", status == 401 ? "no valid bearer token" : "role not allowed for this endpoint");
        // JDBC must not run on the event loop: the audit row is written on a worker right after the response
        vertx.executeBlocking(() -> trail.recordFor(user, requestId, client, AuditAction.ACCESS_DENIED, "http", path,
                AuditOutcome.DENIED, details), false).onFailure(e -> LOG.error("could not audit a denied request", e));
    }

    private static CurrentUser.Snapshot userOf(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) {
                String name = identity.getPrincipal().getName();
                Set<String> roles = new TreeSet<>(identity.getRoles());
                String id = identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
                        && jwt.getSubject() != null ? jwt.getSubject() : name;
                return new CurrentUser.Snapshot(id, name, roles);
            }
        }
        return new CurrentUser.Snapshot("anonymous", "anonymous", Set.of());
    }

    /** Deep links such as /worklist or /cases/12 are routes of the SPA: serve its index.html. */
    private void singlePageAppRoutes(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (rc.request().method() == HttpMethod.GET && !isServerPath(path) && !"/".equals(path)
                && !isStaticAsset(path)) {
            rc.reroute("/");
            return;
        }
        rc.next();
    }

    /**
     * A file the frontend build placed in META-INF/resources. Client-side routes may end in something that looks like
     * a file name (a model version "1.0.0"), so a dot alone does not make a path a static asset. Everything under
     * /assets/ is the build's, so a missing bundle stays a 404 rather than HTML a script tag cannot run.
     */
    static boolean isStaticAsset(String path) {
        if (path.startsWith("/assets/")) return true;
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".") || path.contains("..")) return false;
        var resource = HttpFilters.class.getClassLoader().getResource("META-INF/resources" + path);
        return resource != null;
    }

    static boolean isServerPath(String path) {
        for (String prefix : SERVER_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) return true;
        }
        return false;
    }
}

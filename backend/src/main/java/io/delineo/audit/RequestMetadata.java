package io.delineo.audit;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Request id and client address of the HTTP request being served, for audit events (null outside a request). */
@ApplicationScoped
public class RequestMetadata {
    /** RoutingContext key holding the request id; set by the platform's HTTP filters. */
    public static final String REQUEST_ID_KEY = "delineo.requestId";
    /** RoutingContext key set once a denial of this request has been audited, so the catch-all does not repeat it. */
    public static final String DENIAL_AUDITED_KEY = "delineo.denialAudited";

    @Inject
    CurrentVertxRequest currentRequest;

    public RoutingContext routingContext() {
        if (!Arc.container().requestContext().isActive()) return null;
        return currentRequest.getCurrent();
    }

    public String requestId() {
        return requestId(routingContext());
    }

    public String clientAddress() {
        return clientAddress(routingContext());
    }

    public void markDenialAudited() {
        RoutingContext rc = routingContext();
        if (rc != null) rc.put(DENIAL_AUDITED_KEY, Boolean.TRUE);
    }

    public static String requestId(RoutingContext rc) {
        return rc == null ? null : rc.get(REQUEST_ID_KEY);
    }

    public static String clientAddress(RoutingContext rc) {
        if (rc == null || rc.request().remoteAddress() == null) return null;
        return rc.request().remoteAddress().hostAddress();
    }
}

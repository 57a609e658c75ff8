package io.delineo.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request body limits, one for STOW-RS uploads and one for JSON bodies, enforced before anything is parsed: a
 * declared Content-Length over the limit is answered 413 before the body is read; a body without one (chunked) is
 * counted while it is read and refused with 413 as soon as it passes the limit. Other bodies (model files, imported
 * SEG/RTSTRUCT) stay under {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodyLimits {
    public static final String STOW_KEY = "delineo.limits.stow-bytes";
    public static final String JSON_KEY = "delineo.limits.json-bytes";

    @ConfigProperty(name = STOW_KEY, defaultValue = "2147483648")
    long stowBytes;
    @ConfigProperty(name = JSON_KEY, defaultValue = "134217728")
    long jsonBytes;

    /** A body over its limit; an IOException so that code reading the stream treats it as a failed read. */
    public static class TooLarge extends IOException {
        private final String limitKey;
        private final long limitBytes;

        TooLarge(String what, String limitKey, long limitBytes) {
            super(what + " is larger than the limit of " + limitBytes + " bytes (" + limitKey + "); nothing was stored");
            this.limitKey = limitKey;
            this.limitBytes = limitBytes;
        }

        public String limitKey() { return limitKey; }

        public long limitBytes() { return limitBytes; }
    }

    record Limit(String what, String key, long bytes) {
    }

    /** The limit for a request, or null when neither applies. */
    Limit limitFor(String method, String path, String contentType) {
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) return null;
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (path.startsWith("/dicom-web/studies") && type.equals("multipart/related")) {
            return new Limit("the STOW-RS upload", STOW_KEY, stowBytes);
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            return new Limit("the JSON request body", JSON_KEY, jsonBytes);
        }
        return null;
    }

    void register(@Observes Filters filters) {
        filters.register(this::declaredLength, 150);
    }

    private void declaredLength(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        Limit limit = limitFor(method.name(), rc.normalizedPath(), rc.request().getHeader(HttpHeaders.CONTENT_TYPE));
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (limit != null && declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > limit.bytes()) {
                TooLarge refused = new TooLarge(limit.what() + " (" + length + " bytes)", limit.key(), limit.bytes());
                JsonObject body = new JsonObject().put("status", 413).put("error", "Payload Too Large")
                        .put("message", refused.getMessage()).put("limit", limit.key()).put("limitBytes", limit.bytes());
                // the body is not read: ask the client to stop sending and close the connection afterwards
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body.encode());
                return;
            }
        }
        rc.next();
    }

    /** Counts bodies without a declared length as JAX-RS reads them, with JSON text checks on ({@link JsonText}). */
    @Provider
    public static class Counting implements ReaderInterceptor {
        @Inject
        BodyLimits limits;
        @Inject
        io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            var request = current.getCurrent().request();
            Limit limit = limits.limitFor(request.method().name(), request.path(),
                    context.getMediaType() == null ? null : context.getMediaType().toString());
            if (limit != null) context.setInputStream(new CountingStream(context.getInputStream(), limit));
            try {
                return JsonText.whileReadingRequestBody(context::proceed);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class CountingStream extends FilterInputStream {
        private final Limit limit;
        private long count;

        CountingStream(InputStream in, Limit limit) {
            super(in);
            this.limit = limit;
        }

        private void add(long n) throws TooLarge {
            if (n > 0) count += n;
            if (count > limit.bytes()) throw new TooLarge(limit.what(), limit.key(), limit.bytes());
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }
    }
}

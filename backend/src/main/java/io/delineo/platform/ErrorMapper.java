package io.delineo.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.delineo.domain.Refusal;
import io.delineo.storage.StorageUnavailableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** One error shape for the whole API: {@code {"status": 400, "error": "Bad Request", "message": "..."}}. */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    public static Response body(int status, String message, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("error", known == null ? "Error" : known.getReasonPhrase());
        body.put("message", message);
        body.putAll(extra);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return body(e.status(), e.getMessage(), e.extra());
    }

    @ServerExceptionMapper
    public Response refusal(Refusal e) {
        return body(status(e.kind()), e.getMessage(), e.details());
    }

    /** The one place where a refusal's kind becomes an HTTP status. */
    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case PRECONDITION_REQUIRED -> 428;
            case UPSTREAM_FAILED -> 502;
            case UNAVAILABLE -> 503;
        };
    }

    /** The object store is down or too slow: the request may be retried; nothing half-done was recorded. */
    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(body(503, e.getMessage(), Map.of())).header("Retry-After", "10").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return body(404, "No such resource.", Map.of());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return body(400, "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return body(400, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = e.getMessage() == null ? "Request refused." : e.getMessage();
        return body(status, message, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return body(500, "Internal error; the request was not carried out. See the server log.", Map.of());
    }
}

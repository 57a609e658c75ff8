package io.delineo.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.UnsupportedTransferSyntaxException;
import io.delineo.domain.Refusal;
import io.delineo.storage.StorageUnavailableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
        if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof java.time.DateTimeException) {
            // JAX-RS answers a parameter that does not convert (?page=abc) with 404; it is the request that is wrong
            return body(400, "A path or query parameter has the wrong form: " + e.getCause().getMessage(), Map.of());
        }
        return body(404, "No such resource.", Map.of());
    }

    /** More specific than the Jackson extension's own mapper, so the message names the place in the body. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        // Jackson wraps a failed read of the stream, such as a body passing its size limit
        if (e.getCause() instanceof BodyLimits.TooLarge tooLarge) return bodyTooLarge(tooLarge);
        if (e instanceof JsonText.RefusedText) return body(400, e.getOriginalMessage(), Map.of());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return body(400, "The request body does not fit this endpoint at " + pointer(m.getPath()) + ": "
                    + e.getOriginalMessage(), Map.of());
        }
        return body(400, "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage(), Map.of());
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.toString();
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyLimits.TooLarge e) {
        return body(413, e.getMessage(), Map.of("limit", e.limitKey(), "limitBytes", e.limitBytes()));
    }

    @ServerExceptionMapper
    public Response undecodable(UnsupportedTransferSyntaxException e) {
        return body(406, "The stored pixel data cannot be decoded on the server: " + e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response unreadableDicom(DicomException e) {
        return body(422, "The stored DICOM data cannot be used for this request: " + e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return body(400, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // what went wrong while the framework read the body: say that, not "HTTP 400 Bad Request"
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimits.TooLarge tooLarge) return bodyTooLarge(tooLarge);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) return badJson(json);
        }
        int status = e.getResponse().getStatus();
        String message = e.getMessage() == null || e.getMessage().isBlank() || GENERIC.matcher(e.getMessage()).matches()
                ? explain(status) : e.getMessage();
        return body(status, message, Map.of());
    }

    /** The framework's own messages ("HTTP 400 Bad Request") say nothing a person can act on. */
    private static final Pattern GENERIC = Pattern.compile("HTTP \\d{3}( .*)?");

    static String explain(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood: a path or query parameter has the wrong form (a number "
                    + "or date where text was sent, or the reverse), or a required body is missing.";
            case 404 -> "No such resource.";
            case 405 -> "This resource does not support that HTTP method.";
            case 406 -> "The resource cannot be returned in any of the media types the Accept header lists.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            case 415 -> "This endpoint does not take a body of that Content-Type.";
            default -> "Request refused (HTTP " + status + ").";
        };
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return body(500, "Internal error; the request was not carried out. See the server log.", Map.of());
    }
}

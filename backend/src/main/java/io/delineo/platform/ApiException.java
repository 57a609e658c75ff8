package io.delineo.platform;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * A refusal the caller can act on: an HTTP status and a sentence a person understands. Thrown by services and mapped
 * to {@code {"status", "error", "message", ...extra}} by {@link ErrorMapper}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> extra;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, Object> extra) {
        super(message);
        this.status = status;
        this.extra = extra;
    }

    public int status() { return status; }

    public Map<String, Object> extra() { return extra; }

    public static ApiException badRequest(String message) { return new ApiException(400, message); }

    public static ApiException notFound(String message) { return new ApiException(404, message); }

    public static ApiException forbidden(String message) { return new ApiException(403, message); }

    public static ApiException conflict(String message) { return new ApiException(409, message); }

    public Response.Status.Family family() { return Response.Status.Family.familyOf(status); }
}

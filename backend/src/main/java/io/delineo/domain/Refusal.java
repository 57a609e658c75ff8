package io.delineo.domain;

import java.util.Map;

/**
 * A request the domain refuses, by kind, with a sentence a person understands. Services throw it; the one exception
 * mapper at the HTTP edge turns the kind into a status code, so no service speaks HTTP. {@code details} travel to the
 * client beside the message (for example the stored version of a read on a conflict).
 */
public class Refusal extends RuntimeException {
    /** Why a request was refused; the edge maps each kind to one HTTP status. */
    public enum Kind {
        /** the input is malformed or breaks a rule (400) */
        INVALID,
        /** the caller may not do this (403) */
        FORBIDDEN,
        /** the thing named does not exist, or is hidden from this caller (404) */
        NOT_FOUND,
        /** no representation the caller accepts can be produced (406) */
        NOT_ACCEPTABLE,
        /** the state changed or clashes with what the caller assumed (409) */
        CONFLICT,
        /** the caller's precondition (an ETag) no longer holds (412) */
        PRECONDITION_FAILED,
        /** the input is larger than a configured limit (413) */
        TOO_LARGE,
        /** the content type is not one this operation takes (415) */
        UNSUPPORTED_MEDIA_TYPE,
        /** well-formed input the domain cannot act on (422) */
        UNPROCESSABLE,
        /** the caller must say which version it changes (428) */
        PRECONDITION_REQUIRED,
        /** a service this request needs answered wrongly (502) */
        UPSTREAM_FAILED,
        /** a service this request needs is unreachable now; retry later (503) */
        UNAVAILABLE
    }

    private final Kind kind;
    private final Map<String, Object> details;

    public Refusal(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public Refusal(Kind kind, String message, Map<String, Object> details) {
        super(message);
        if (kind == null) throw new IllegalArgumentException("a refusal needs a kind");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a refusal needs a message");
        this.kind = kind;
        this.details = details == null ? Map.of() : details;
    }

    public Kind kind() { return kind; }

    public Map<String, Object> details() { return details; }

    public static Refusal invalid(String message) { return new Refusal(Kind.INVALID, message); }

    public static Refusal notFound(String message) { return new Refusal(Kind.NOT_FOUND, message); }

    public static Refusal forbidden(String message) { return new Refusal(Kind.FORBIDDEN, message); }

    public static Refusal conflict(String message) { return new Refusal(Kind.CONFLICT, message); }

    public static Refusal conflict(String message, Map<String, Object> details) {
        return new Refusal(Kind.CONFLICT, message, details);
    }

    public static Refusal unprocessable(String message) { return new Refusal(Kind.UNPROCESSABLE, message); }

    public static Refusal tooLarge(String message) { return new Refusal(Kind.TOO_LARGE, message); }

    public static Refusal unavailable(String message) { return new Refusal(Kind.UNAVAILABLE, message); }
}

package io.incidentflow.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem the API answers with (RFC 9457 problem details, {@code application/problem+json}). A
 * kind's {@code type} URI is {@value #BASE} followed by its code; it identifies the kind and is stable, so
 * clients may branch on it. It names no page to fetch (clients must not dereference it); README lists the kinds.
 */
public enum ProblemType {

    INVALID_INPUT(HttpStatus.BAD_REQUEST, "Invalid input"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, "Access denied"),
    NOT_ALLOWED(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    TOO_MANY_LOGINS(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE = "https://incidentflow.io/problems/";

    /** The extension member listing what is wrong with which field: {@code [{field, reason}]}. */
    public static final String ERRORS = "errors";

    private final HttpStatus status;
    private final String title;

    ProblemType(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public URI uri() {
        return URI.create(BASE + code());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return describe(problem);
    }

    /** Gives a problem built elsewhere (by Spring MVC) this kind's type and title. */
    ProblemDetail describe(ProblemDetail problem) {
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    /**
     * The kind of problem a bare status stands for, for Spring MVC's own refusals; the first kind with that
     * status is its general one (a 400 without field errors is a malformed request, a 403 a missing role).
     */
    static Optional<ProblemType> general(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return Optional.of(MALFORMED_REQUEST);
        }
        return Arrays.stream(values()).filter(type -> type.status.value() == status).findFirst();
    }
}

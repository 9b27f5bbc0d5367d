package io.incidentflow.processstate;

/**
 * A write of process state that is refused before it reaches the engine: the HTTP status, the variable or
 * form field it is about, and the reason a person can act on.
 */
final class StateViolation extends RuntimeException {

    private final int status;
    private final String field;

    private StateViolation(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** The submission itself is wrong (400): not a field of the form, missing, not an allowed value ... */
    static StateViolation invalid(String field, String message) {
        return new StateViolation(400, field, message);
    }

    /** The caller may not write this variable at all (403). */
    static StateViolation forbidden(String field, String message) {
        return new StateViolation(403, field, message);
    }

    static StateViolation tooLarge(int maxBytes) {
        return new StateViolation(413, null, "The request body is larger than " + maxBytes + " bytes");
    }

    static StateViolation unauthenticated() {
        return new StateViolation(401, null, "Authentication required");
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    /** The engine REST API's error type for the status, so Tasklist and Cockpit show the message as theirs. */
    String type() {
        return switch (status) {
            case 403 -> "AuthorizationException";
            case 401 -> "AuthenticationException";
            default -> "InvalidRequestException";
        };
    }
}

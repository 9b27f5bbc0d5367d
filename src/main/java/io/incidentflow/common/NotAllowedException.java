package io.incidentflow.common;

/**
 * The caller has a role for this kind of request but may not do it to this thing (e.g. a major incident of
 * another resolver group); the message says who may. Refusals by role alone are the security layer's.
 */
public final class NotAllowedException extends DomainException {

    public NotAllowedException(String message) {
        super(message);
    }
}

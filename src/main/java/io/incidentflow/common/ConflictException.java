package io.incidentflow.common;

/** The request is valid, but what it acts on is not in a state that allows it; the message says why. */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}

package io.incidentflow.web;

/** The caller is known but may not do this; the message says who may. Answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

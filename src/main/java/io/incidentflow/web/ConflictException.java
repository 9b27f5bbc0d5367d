package io.incidentflow.web;

/** The request is valid but the resource is not in a state that allows it. Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

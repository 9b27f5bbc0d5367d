package io.incidentflow.web;

/** The caller may not do this (beyond the coarse role rules of the security configuration); answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

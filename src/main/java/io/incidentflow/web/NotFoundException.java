package io.incidentflow.web;

public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }
}

package io.incidentflow.common;

/** The request names something (an incident, a page, a user) that does not exist. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }
}

package io.incidentflow.common;

/**
 * Why the domain refuses a request, in its own terms: bad input, something that does not exist, a state that
 * does not allow it, a caller who may not do it. Only the web layer turns these into HTTP answers (one
 * problem type per kind), so services and delegates stay free of HTTP; thrown inside the engine they roll the
 * command back like any other exception. The kinds are closed: a new one needs its own answer in the web layer.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, NotAllowedException {

    protected DomainException(String message) {
        super(message);
    }
}

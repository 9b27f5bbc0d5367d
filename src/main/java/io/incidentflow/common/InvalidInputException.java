package io.incidentflow.common;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input found by a check beyond bean validation (e.g. an unknown catalog service), field by field. */
public final class InvalidInputException extends DomainException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

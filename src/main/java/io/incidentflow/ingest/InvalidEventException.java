package io.incidentflow.ingest;

import io.incidentflow.common.FieldProblem;
import java.util.List;

/** An event that cannot be accepted; nothing of it is stored. */
public class InvalidEventException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidEventException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

package io.incidentflow.web;

import java.util.List;

/** Bad input found by a check beyond bean validation (e.g. an unknown catalog service); answered with 400. */
public class InvalidInputException extends RuntimeException {

    private final transient List<ApiError.FieldProblem> problems;

    public InvalidInputException(String field, String reason) {
        this(List.of(new ApiError.FieldProblem(field, reason)));
    }

    public InvalidInputException(List<ApiError.FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<ApiError.FieldProblem> problems() {
        return problems;
    }
}

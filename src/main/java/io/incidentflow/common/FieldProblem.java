package io.incidentflow.common;

/** What is wrong with one field of a request: its name (a path such as {@code contacts[0].email}) and why. */
public record FieldProblem(String field, String reason) {
}

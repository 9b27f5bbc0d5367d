package io.incidentflow.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The error body of every {@code /api} response that is not a success. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<FieldProblem> errors) {

    /** What is wrong with one field of the request. */
    public record FieldProblem(String field, String reason) {
    }
}

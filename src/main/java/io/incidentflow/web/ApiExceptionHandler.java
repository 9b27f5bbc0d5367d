package io.incidentflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns bad input into a 4xx that names the field and the reason, for every {@code /api} endpoint. */
@RestControllerAdvice(basePackages = "io.incidentflow")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(problems);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String expected = mismatch instanceof InvalidFormatException format
                    ? "must be a " + format.getTargetType().getSimpleName().toLowerCase()
                    : "has the wrong type";
            return badRequest(List.of(new ApiError.FieldProblem(field, expected)));
        }
        String detail = e.getCause() instanceof JsonMappingException json ? json.getOriginalMessage() : "not valid JSON";
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request",
                "The request body could not be read: " + detail, List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new ApiError.FieldProblem(e.getName(), "has an invalid value '" + e.getValue() + "'")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError(404, "Not Found", e.getMessage(), List.of()));
    }

    private static ResponseEntity<ApiError> badRequest(List<ApiError.FieldProblem> problems) {
        String message = problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", message, problems));
    }
}

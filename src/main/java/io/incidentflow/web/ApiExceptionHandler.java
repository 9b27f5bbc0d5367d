package io.incidentflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.incidentflow.common.Coded;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
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
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return badRequest(List.of(new ApiError.FieldProblem(field, reason(mapping))));
        }
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request",
                "The request body is not valid JSON", List.of()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
        return badRequest(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiError.FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList());
    }

    /** Why a value could not be read: the domain's own words where it has them (e.g. the accepted codes). */
    private static String reason(JsonMappingException mapping) {
        for (Throwable cause = mapping; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException domain && domain.getMessage() != null) {
                return domain.getMessage();
            }
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> type = format.getTargetType();
            return type.isEnum() ? "unknown value '" + format.getValue() + "' (" + Coded.expected(type) + ")"
                    : "must be a " + type.getSimpleName().toLowerCase();
        }
        return "has the wrong type";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String reason = type != null && type.isEnum()
                ? "unknown value '" + e.getValue() + "' (" + Coded.expected(type) + ")"
                : "has an invalid value '" + e.getValue() + "'";
        return badRequest(List.of(new ApiError.FieldProblem(e.getName(), reason)));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError(404, "Not Found", e.getMessage(), List.of()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new ApiError(403, "Forbidden", e.getMessage(), List.of()));
    }

    private static ResponseEntity<ApiError> badRequest(List<ApiError.FieldProblem> problems) {
        String message = problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", message, problems));
    }
}

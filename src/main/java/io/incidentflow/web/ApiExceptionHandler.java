package io.incidentflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.incidentflow.common.Coded;
import io.incidentflow.common.ConflictException;
import io.incidentflow.common.FieldProblem;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.common.NotAllowedException;
import io.incidentflow.common.NotFoundException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where refusals become HTTP answers, as RFC 9457 problem details ({@link ProblemType}): the
 * domain's exceptions ({@link io.incidentflow.common.DomainException}), bad input found by Spring MVC (with the
 * field errors as {@code errors: [{field, reason}]}), Spring MVC's own refusals (405, 415, unknown paths…) and
 * anything unexpected (500, details only in the log). Refusals by role are the security layer's
 * ({@code security.JsonSecurityErrorHandler}); the monitoring webhooks answer in their senders' formats.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** RFC 9457's type of a problem that says no more than its status. */
    private static final URI NO_KIND = URI.create("about:blank");

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return invalidInput(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(ProblemType.NOT_FOUND.problem(e.getMessage()));
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowedException e) {
        return answer(ProblemType.NOT_ALLOWED.problem(e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return answer(ProblemType.CONFLICT.problem(e.getMessage()));
    }

    /**
     * Anything else is a fault of ours: logged, and answered without internals (a library exception that declares
     * a 4xx with {@code @ResponseStatus} keeps it). Refusals by Spring Security
     * (a {@code @PreAuthorize} that fails) are passed on to its handlers by throwing them again.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (declared != null && declared.code().is4xxClientError()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(declared.code(), e.getMessage());
            ProblemType.general(declared.code().value()).ifPresent(type -> type.describe(problem));
            return answer(problem);
        }
        LOG.error("Request failed", e);
        return answer(ProblemType.INTERNAL_ERROR.problem("The request failed on the server; its log has the details"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalidInput(e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalidInput(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return body(invalidInput(List.of(new FieldProblem(field, reason(mapping)))));
        }
        return body(answer(ProblemType.MALFORMED_REQUEST.problem("The request body is not valid JSON")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String reason = type != null && type.isEnum()
                ? "unknown value '" + e.getValue() + "' (" + Coded.expected(type) + ")"
                : "has an invalid value '" + e.getValue() + "'";
        return body(invalidInput(List.of(new FieldProblem(field, reason))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalidInput(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalidInput(List.of(new FieldProblem(e.getRequestPartName(), "is required"))));
    }

    /** Spring MVC's other refusals (405, 406, 415, 404 for unknown paths…) get the type of their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && NO_KIND.equals(problem.getType())) {
            ProblemType.general(status.value()).ifPresent(type -> type.describe(problem));
        }
        return super.createResponseEntity(body, headers, status, request);
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
            if (type.isEnum()) {
                return "unknown value '" + format.getValue() + "' (" + Coded.expected(type) + ")";
            }
            return type == LocalDate.class ? "must be a date (YYYY-MM-DD)" : "must be a " + type.getSimpleName().toLowerCase();
        }
        return "has the wrong type";
    }

    private static ResponseEntity<ProblemDetail> invalidInput(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(detail);
        problem.setProperty(ProblemType.ERRORS, problems);
        return answer(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> body(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody());
    }
}

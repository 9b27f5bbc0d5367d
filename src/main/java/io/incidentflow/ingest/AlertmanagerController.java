package io.incidentflow.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.incidentflow.common.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus Alertmanager webhook receiver (payload version 4), authenticated by
 * {@code Authorization: Bearer <integration key>} ({@code http_config.authorization} in the receiver).
 * Answers 200 only after the event is committed; a retried delivery of the same payload has no second
 * effect; 503 (retried by Alertmanager) when the event could not be applied; 429 with Retry-After when
 * the key sent more than its rate limit; 403 when a label names a service the key may not act on.
 */
@RestController
@Tag(name = "Monitoring events")
public class AlertmanagerController {

    private final IntegrationRepository integrations;
    private final AlertmanagerParser parser;
    private final IngestionService ingestion;
    private final IngestProperties properties;
    private final KeyRateLimiter rateLimiter;

    public AlertmanagerController(IntegrationRepository integrations, AlertmanagerParser parser,
                                  IngestionService ingestion, IngestProperties properties, KeyRateLimiter rateLimiter) {
        this.integrations = integrations;
        this.parser = parser;
        this.ingestion = ingestion;
        this.properties = properties;
        this.rateLimiter = rateLimiter;
    }

    /** The answer to an accepted webhook call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(String status, String result, String incidentId, String dedupKey, long eventId) {
    }

    /**
     * The answer to a refused webhook call: the body Alertmanager receivers have always had here, kept as it is
     * for the people reading Alertmanager's logs, unlike the problem details of the rest of the API.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Refused(int status, String error, String message, List<FieldProblem> errors) {

        Refused(HttpStatus status, String message, List<FieldProblem> errors) {
            this(status.value(), status.getReasonPhrase(), message, errors);
        }
    }

    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message);
        }
    }

    @PostMapping("/api/events/alertmanager")
    @Operation(summary = "Alertmanager webhook (version 4)", description = "One incident per open groupKey of the "
            + "integration; firing notifications append to it, status resolved records monitoring recovery on it.")
    public ResponseEntity<Accepted> receive(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                            String authorization, HttpServletRequest request) {
        Integration integration = authenticate(authorization);
        rateLimiter.acquire(integration);
        MonitoringEvent event = parser.parse(RequestBodies.read(request, properties.maxBodyBytes()));
        IngestionService.Outcome outcome = ingestion.ingest(integration, event);
        request.setAttribute(IngestionService.RESULT_ATTRIBUTE, outcome.result());
        return ResponseEntity.ok(new Accepted(outcome.result() == IngestionService.Result.DUPLICATE ? "duplicate" : "success",
                outcome.result().name().toLowerCase(), outcome.incidentId(), outcome.dedupKey(), outcome.eventId()));
    }

    private Integration authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthorizedException("Missing 'Authorization: Bearer <integration key>' header");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new UnauthorizedException("The Authorization header must be 'Bearer <integration key>'");
        }
        Optional<Integration> integration = integrations.findActiveByKeyHash(
                IntegrationKeys.sha256(authorization.substring(7).strip()));
        return integration.orElseThrow(() -> new UnauthorizedException("Unknown or revoked integration key"));
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<Refused> unauthorized(UnauthorizedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"IncidentFlow events\"")
                .body(new Refused(HttpStatus.UNAUTHORIZED, e.getMessage(), List.of()));
    }

    @ExceptionHandler(InvalidEventException.class)
    ResponseEntity<Refused> invalid(InvalidEventException e) {
        HttpStatus status = e instanceof RequestBodies.TooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE
                : e instanceof ServiceNotAllowedException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new Refused(status,
                "Invalid Alertmanager webhook payload: " + e.getMessage(), e.problems()));
    }

    @ExceptionHandler(KeyRateLimiter.RateLimitedException.class)
    ResponseEntity<Refused> throttled(KeyRateLimiter.RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(new Refused(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of()));
    }

    @ExceptionHandler(IngestionService.BusyException.class)
    ResponseEntity<Refused> busy(IngestionService.BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(new Refused(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of()));
    }
}

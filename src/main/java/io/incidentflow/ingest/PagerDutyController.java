package io.incidentflow.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PagerDuty Events API v2 compatible endpoint: {@code routing_key} is the integration key; trigger,
 * acknowledge and resolve with PagerDuty's dedup_key semantics. 202 after the event is committed;
 * 400 {@code {"status":"invalid event",…}} for anything invalid (not to be retried), also an event naming
 * a service the key may not act on; 429 with Retry-After when the key sent more than its rate limit.
 */
@RestController
@Tag(name = "Monitoring events")
public class PagerDutyController {

    private final IntegrationRepository integrations;
    private final PagerDutyParser parser;
    private final IngestionService ingestion;
    private final IngestProperties properties;
    private final KeyRateLimiter rateLimiter;

    public PagerDutyController(IntegrationRepository integrations, PagerDutyParser parser, IngestionService ingestion,
                               IngestProperties properties, KeyRateLimiter rateLimiter) {
        this.integrations = integrations;
        this.parser = parser;
        this.ingestion = ingestion;
        this.properties = properties;
        this.rateLimiter = rateLimiter;
    }

    /** PagerDuty's answer body, for success and for errors. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String status, String message, @JsonProperty("dedup_key") String dedupKey, List<String> errors) {
    }

    @PostMapping("/api/events/v2/enqueue")
    @Operation(summary = "PagerDuty Events API v2 compatible event (trigger, acknowledge, resolve)")
    public ResponseEntity<Answer> enqueue(HttpServletRequest request) {
        byte[] body = RequestBodies.read(request, properties.maxBodyBytes());
        JsonNode root = JsonChecks.parseObject(body);
        JsonChecks checks = new JsonChecks();
        String key = parser.routingKey(root, checks);
        Integration integration = null;
        if (key != null) {
            integration = integrations.findActiveByKeyHash(IntegrationKeys.sha256(key.strip())).orElse(null);
            if (integration == null) {
                checks.problem("routing_key", "is not a valid integration key (unknown or revoked)");
            } else {
                rateLimiter.acquire(integration);
            }
        }
        MonitoringEvent event = parser.parse(root, checks, body);
        IngestionService.Outcome outcome = ingestion.ingest(integration, event);
        request.setAttribute(IngestionService.RESULT_ATTRIBUTE, outcome.result());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Answer("success", "Event processed", outcome.dedupKey(), null));
    }

    @ExceptionHandler(InvalidEventException.class)
    ResponseEntity<Answer> invalid(InvalidEventException e) {
        HttpStatus status = e instanceof RequestBodies.TooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new Answer("invalid event", "Event object is invalid", null,
                e.problems().stream().map(p -> "'" + p.field() + "' " + p.reason()).toList()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Answer> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new Answer("invalid event", "Event object is invalid", null,
                e.problems().stream().map(p -> "'" + p.field() + "' " + p.reason()).toList()));
    }

    @ExceptionHandler(KeyRateLimiter.RateLimitedException.class)
    ResponseEntity<Answer> throttled(KeyRateLimiter.RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(new Answer("throttled", "Too many events for this routing key", null, List.of(e.getMessage())));
    }

    @ExceptionHandler(IngestionService.BusyException.class)
    ResponseEntity<Answer> busy(IngestionService.BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(new Answer("error", e.getMessage(), null, null));
    }
}

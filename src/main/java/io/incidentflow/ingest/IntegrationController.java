package io.incidentflow.ingest;

import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.web.ApiError;
import io.incidentflow.web.InvalidInputException;
import io.incidentflow.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Integration keys of monitoring systems, one or more per catalog service; camunda-admin only. */
@RestController
@RequestMapping("/api/integrations")
@Tag(name = "Integrations", description = "Integration keys for monitoring (Alertmanager, PagerDuty Events API v2)")
public class IntegrationController {

    private final IntegrationRepository integrations;
    private final ServiceCatalog catalog;

    public IntegrationController(IntegrationRepository integrations, ServiceCatalog catalog) {
        this.integrations = integrations;
        this.catalog = catalog;
    }

    public record NewIntegration(
            @NotBlank @Size(max = 200) @Schema(example = "Prometheus payments") String name,
            @NotBlank @Schema(description = "Business service id from the catalog", example = "payments") String serviceId) {
    }

    /** An integration as listed; {@code key} is only present in the answer to its creation. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record IntegrationView(long id, String name, String serviceId, String keyHint, String createdBy,
                                  Instant createdAt, Instant revokedAt, String key) {
        static IntegrationView of(Integration i, String key) {
            return new IntegrationView(i.id(), i.name(), i.serviceId(), i.keyHint(), i.createdBy(), i.createdAt(),
                    i.revokedAt(), key);
        }
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Create an integration key for a catalog service (camunda-admin)",
            description = "The key is in this answer only; it is stored as a SHA-256 hash. Use it as "
                    + "'Authorization: Bearer <key>' (Alertmanager) or as routing_key (PagerDuty Events API v2).")
    public ResponseEntity<IntegrationView> create(@Valid @RequestBody NewIntegration request) {
        String admin = AdminOnly.require();
        if (catalog.find(request.serviceId()).isEmpty()) {
            throw new InvalidInputException("serviceId", "unknown service '" + request.serviceId() + "' (see GET /api/services)");
        }
        String key = IntegrationKeys.generate();
        long id = integrations.insert(request.name().strip(), request.serviceId(), IntegrationKeys.sha256(key),
                IntegrationKeys.hint(key), admin, EngineClock.now());
        Integration created = integrations.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/integrations/" + id)).body(IntegrationView.of(created, key));
    }

    @GetMapping
    @Operation(summary = "Integrations (without their keys; camunda-admin)")
    public List<IntegrationView> list() {
        AdminOnly.require();
        return integrations.all().stream().map(i -> IntegrationView.of(i, null)).toList();
    }

    @DeleteMapping("/{id}")
    @Transactional
    @Operation(summary = "Revoke an integration key (camunda-admin); its events are refused from now on")
    public ResponseEntity<Void> revoke(@PathVariable long id) {
        AdminOnly.require();
        integrations.find(id).orElseThrow(() -> new NotFoundException("integration", String.valueOf(id)));
        integrations.revoke(id, EngineClock.now());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> denied(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(new ApiError(e.getStatusCode().value(),
                e.getStatusCode().value() == 401 ? "Unauthorized" : "Forbidden", e.getReason(), List.of()));
    }
}

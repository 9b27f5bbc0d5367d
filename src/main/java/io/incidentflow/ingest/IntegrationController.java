package io.incidentflow.ingest;

import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.security.CurrentUser;
import io.incidentflow.security.Roles;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Integration keys of monitoring systems, one or more per catalog service; camunda-admin only. A key acts
 * on its own service and on the further services listed for it; events naming any other are refused.
 */
@RestController
@RequestMapping("/api/integrations")
@Tag(name = "Integrations", description = "Integration keys for monitoring (Alertmanager, PagerDuty Events API v2)")
public class IntegrationController {

    private static final int MAX_RATE_LIMIT = 1_000_000;

    private final IntegrationRepository integrations;
    private final ServiceCatalog catalog;

    public IntegrationController(IntegrationRepository integrations, ServiceCatalog catalog) {
        this.integrations = integrations;
        this.catalog = catalog;
    }

    public record NewIntegration(
            @NotBlank @Size(max = 200) @Schema(example = "Prometheus payments") String name,
            @NotBlank @Schema(description = "Business service id from the catalog", example = "payments") String serviceId,
            @Size(max = 100) @Schema(description = "Services the key may act on (events naming them in their service "
                    + "label / custom_details field); its own serviceId always", example = "[\"payments\", \"erp\"]")
            List<String> serviceIds,
            @Min(0) @Max(MAX_RATE_LIMIT) @Schema(description = "Events per minute this key may send (0: no limit); "
                    + "absent: incidentflow.ingest.rate-limit.events-per-minute") Integer rateLimitPerMinute) {
    }

    /** What a key may do; replaces the previous scope as a whole. */
    public record Scope(
            @Size(max = 100) @Schema(description = "Services the key may act on; its own service always",
                    example = "[\"payments\", \"erp\"]") List<String> serviceIds,
            @Min(0) @Max(MAX_RATE_LIMIT) @Schema(description = "Events per minute this key may send (0: no limit); "
                    + "null: incidentflow.ingest.rate-limit.events-per-minute") Integer rateLimitPerMinute) {
    }

    /** An integration as listed; {@code key} is only present in the answer to its creation. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record IntegrationView(long id, String name, String serviceId, List<String> serviceIds,
                                  Integer rateLimitPerMinute, String keyHint, String createdBy, Instant createdAt,
                                  Instant revokedAt, String key) {
    }

    @PostMapping
    @Transactional
    @PreAuthorize(Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Create an integration key for a catalog service (camunda-admin)",
            description = "The key is in this answer only; it is stored as a SHA-256 hash. Use it as "
                    + "'Authorization: Bearer <key>' (Alertmanager) or as routing_key (PagerDuty Events API v2).")
    public ResponseEntity<IntegrationView> create(@Valid @RequestBody NewIntegration request, CurrentUser admin) {
        if (catalog.find(request.serviceId()).isEmpty()) {
            throw new InvalidInputException("serviceId", "unknown service '" + request.serviceId() + "' (see GET /api/services)");
        }
        List<String> others = otherServices(request.serviceId(), request.serviceIds());
        String key = IntegrationKeys.generate();
        long id = integrations.insert(request.name().strip(), request.serviceId(), IntegrationKeys.sha256(key),
                IntegrationKeys.hint(key), admin.userId(), EngineClock.now());
        integrations.changeScope(id, others, request.rateLimitPerMinute());
        return ResponseEntity.created(URI.create("/api/integrations/" + id)).body(view(id, key));
    }

    @GetMapping
    @PreAuthorize(Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Integrations (without their keys; camunda-admin)")
    public List<IntegrationView> list() {
        return integrations.all().stream().map(i -> view(i, null)).toList();
    }

    @PutMapping("/{id}/scope")
    @Transactional
    @PreAuthorize(Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Set the services a key may act on and its rate limit (camunda-admin)",
            description = "Replaces both; 400 names unknown service ids and changes nothing.")
    public IntegrationView changeScope(@PathVariable long id, @Valid @RequestBody Scope scope) {
        Integration integration = integrations.find(id)
                .orElseThrow(() -> new NotFoundException("integration", String.valueOf(id)));
        integrations.changeScope(id, otherServices(integration.serviceId(), scope.serviceIds()),
                scope.rateLimitPerMinute());
        return view(id, null);
    }

    @DeleteMapping("/{id}")
    @Transactional
    @PreAuthorize(Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Revoke an integration key (camunda-admin); its events are refused from now on")
    public ResponseEntity<Void> revoke(@PathVariable long id) {
        integrations.find(id).orElseThrow(() -> new NotFoundException("integration", String.valueOf(id)));
        integrations.revoke(id, EngineClock.now());
        return ResponseEntity.noContent().build();
    }

    /** The listed services other than the key's own, each checked against the catalog. */
    private List<String> otherServices(String ownServiceId, List<String> serviceIds) {
        if (serviceIds == null) {
            return List.of();
        }
        if (serviceIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidInputException("serviceIds", "must not contain empty service ids");
        }
        TreeSet<String> others = new TreeSet<>(serviceIds.stream().map(String::strip).toList());
        others.remove(ownServiceId);
        List<String> unknown = others.stream().filter(id -> catalog.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("serviceIds", "unknown service" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.stream().map(id -> "'" + id + "'").toList()) + " (see GET /api/services)");
        }
        return List.copyOf(others);
    }

    private IntegrationView view(long id, String key) {
        return view(integrations.find(id).orElseThrow(), key);
    }

    private IntegrationView view(Integration i, String key) {
        List<String> serviceIds = Stream.concat(Stream.of(i.serviceId()), integrations.otherServices(i.id()).stream())
                .toList();
        return new IntegrationView(i.id(), i.name(), i.serviceId(), serviceIds, i.rateLimitPerMinute(), i.keyHint(),
                i.createdBy(), i.createdAt(), i.revokedAt(), key);
    }
}

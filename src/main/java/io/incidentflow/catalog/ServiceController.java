package io.incidentflow.catalog;

import io.incidentflow.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/services")
@Tag(name = "Service catalog", description = "Business services and their business impact analysis")
public class ServiceController {

    private final ServiceCatalog catalog;

    public ServiceController(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "All business services of the catalog")
    public List<BusinessService> all() {
        return catalog.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One business service")
    public BusinessService one(@PathVariable String id) {
        return catalog.get(id);
    }

    @PostMapping
    @PreAuthorize(Roles.Has.PROCESS_OWNERS + " or " + Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Add a business service (process-owners, camunda-admin)",
            description = "400 names every bad or unknown field; nothing is stored then.")
    public ResponseEntity<BusinessService> create(@RequestBody ServiceDefinition definition) {
        BusinessService created = catalog.create(definition);
        return ResponseEntity.created(URI.create("/api/services/" + created.getId())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.Has.PROCESS_OWNERS + " or " + Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Change a business service's business impact analysis (process-owners, camunda-admin)",
            description = "Replaces every field of the definition (absent optional fields become empty); what "
                    + "service continuity wrote (DR plan review, lessons learned, planned DR test) stays. "
                    + "400 names every bad or unknown field; nothing is changed then.")
    public BusinessService update(@PathVariable String id, @RequestBody ServiceDefinition definition) {
        return catalog.update(id, definition);
    }
}

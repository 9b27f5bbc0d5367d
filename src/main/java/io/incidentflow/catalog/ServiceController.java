package io.incidentflow.catalog;

import io.incidentflow.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
        return catalog.find(id).orElseThrow(() -> new NotFoundException("service", id));
    }
}

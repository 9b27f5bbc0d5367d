package io.incidentflow.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentflow.common.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the catalog file (YAML, edited by process owners) at start-up. A broken file stops the start
 * with a message naming the service and the field, rather than running with half a catalog. The file
 * is checked by the same rules as catalog edits through the API.
 */
@Component
public class CatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final ServiceCatalog catalog;
    private final ResourceLoader resources;
    private final String seedLocation;

    public CatalogSeeder(ServiceCatalog catalog, ResourceLoader resources,
                         @Value("${incidentflow.catalog.seed:}") String seedLocation) {
        this.catalog = catalog;
        this.resources = resources;
        this.seedLocation = seedLocation;
    }

    record CatalogFile(List<ServiceDefinition> services) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (seedLocation.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(seedLocation);
        if (!resource.exists()) {
            throw new IllegalStateException("Service catalog file " + seedLocation + " does not exist");
        }
        List<ServiceDefinition> services = parse(resource);
        int added = 0;
        for (ServiceDefinition service : services) {
            if (catalog.addIfMissing(service)) {
                added++;
            }
        }
        log.info("Service catalog: {} services in {}, {} new", services.size(), seedLocation, added);
    }

    List<ServiceDefinition> parse(Resource resource) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CatalogFile file;
        try (InputStream in = resource.getInputStream()) {
            file = yaml.readValue(in, CatalogFile.class);
        } catch (JsonMappingException e) {
            throw new IllegalStateException(resource.getDescription() + " " + e.getPathReference() + ": "
                    + e.getOriginalMessage(), e);
        }
        List<ServiceDefinition> services = file == null || file.services() == null ? List.of() : file.services();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceDefinition service = services.get(i);
            String where = resource.getDescription() + " services[" + i + "]"
                    + (service.id() == null ? "" : " (" + service.id() + ")");
            List<FieldProblem> problems = catalog.problems(service);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(where + ": " + problems.stream()
                        .map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; ")));
            }
            if (!ids.add(service.id())) {
                throw new IllegalStateException(where + ": id '" + service.id() + "' appears twice");
            }
        }
        return services;
    }
}

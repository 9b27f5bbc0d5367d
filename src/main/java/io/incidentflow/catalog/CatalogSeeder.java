package io.incidentflow.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.incidentflow.common.Coded;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * with a message naming the service and the field, rather than running with half a catalog.
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

    record CatalogFile(List<Entry> services) {
    }

    record Entry(String id, String name, String criticality, String continuityTier, Integer rtoMinutes,
                 Integer rpoMinutes, String resolverGroup, String onCallSchedule, String vendorContact,
                 String businessOwner, LocalDate lastDrTest) {
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
        List<BusinessService> services = parse(resource);
        int added = 0;
        for (BusinessService service : services) {
            if (catalog.addIfMissing(service)) {
                added++;
            }
        }
        log.info("Service catalog: {} services in {}, {} new", services.size(), seedLocation, added);
    }

    static List<BusinessService> parse(Resource resource) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CatalogFile file;
        try (InputStream in = resource.getInputStream()) {
            file = yaml.readValue(in, CatalogFile.class);
        }
        List<BusinessService> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Entry> entries = file == null || file.services() == null ? List.of() : file.services();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String where = resource.getDescription() + " services[" + i + "]"
                    + (e.id() == null ? "" : " (" + e.id() + ")");
            services.add(toService(e, where));
            if (!ids.add(e.id())) {
                throw new IllegalStateException(where + ": id '" + e.id() + "' appears twice");
            }
        }
        return services;
    }

    private static BusinessService toService(Entry e, String where) {
        require(e.id(), "id", where);
        require(e.name(), "name", where);
        require(e.resolverGroup(), "resolverGroup", where);
        if (!e.id().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalStateException(where + ": id must be lower-case letters, digits and dashes");
        }
        int rto = nonNegative(e.rtoMinutes(), "rtoMinutes", where);
        int rpo = nonNegative(e.rpoMinutes(), "rpoMinutes", where);
        try {
            return new BusinessService(e.id(), e.name(), Coded.fromCode(Criticality.class, e.criticality()),
                    Coded.fromCode(ContinuityTier.class, e.continuityTier()), rto, rpo, e.resolverGroup(),
                    e.onCallSchedule(), e.vendorContact(), e.businessOwner(), e.lastDrTest());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(where + ": criticality or continuityTier: " + ex.getMessage(), ex);
        }
    }

    private static void require(String value, String field, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(where + ": " + field + " is required");
        }
    }

    private static int nonNegative(Integer value, String field, String where) {
        if (value == null || value < 0) {
            throw new IllegalStateException(where + ": " + field + " is required and must not be negative");
        }
        return value;
    }
}

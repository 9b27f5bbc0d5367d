package io.incidentflow.ingest;

import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.common.Coded;
import io.incidentflow.incident.Category;
import io.incidentflow.incident.Level;
import io.incidentflow.ingest.IngestProperties.Rating;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * From an event's severity and labels to the business service, impact, urgency and category of its
 * incident, as configured under {@code incidentflow.ingest} (see {@link IngestProperties}).
 */
@Component
public class SeverityMapping {

    private final IngestProperties properties;
    private final ServiceCatalog catalog;

    public SeverityMapping(IngestProperties properties, ServiceCatalog catalog) {
        this.properties = properties;
        this.catalog = catalog;
    }

    public record Mapped(BusinessService service, String severity, Level impact, Level urgency, Category category,
                         String explanation) {
    }

    public Mapped map(MonitoringEvent event, String integrationServiceId) {
        Map<String, String> labels = event.labels();
        BusinessService service = namedService(event)
                .or(() -> catalog.find(integrationServiceId))
                .orElseThrow(() -> new IllegalStateException("service " + integrationServiceId + " of the integration is gone"));
        String severity = normalize(event.severity());
        Rating rating = Optional.ofNullable(properties.criticalityOverrides().get(service.getCriticality().code()))
                .map(bySeverity -> bySeverity.get(severity))
                .orElse(properties.severities().get(severity));
        Level impact = code(Level.class, labels.get(properties.impactLabel())).orElse(rating.impact());
        Level urgency = code(Level.class, labels.get(properties.urgencyLabel())).orElse(rating.urgency());
        Category category = code(Category.class, labels.get(properties.categoryLabel()))
                .orElse(properties.defaultCategory());
        String explanation = "severity " + severity + (event.severity() == null || severity.equals(event.severity())
                ? "" : " (sent: " + event.severity() + ")") + " on " + service.getCriticality().code() + " service "
                + service.getId() + " → impact " + impact.code() + ", urgency " + urgency.code();
        return new Mapped(service, severity, impact, urgency, category, explanation);
    }

    /**
     * The catalog service the event's service label (Alertmanager) or custom_details field (PagerDuty)
     * names; empty when it names none or an id that is not in the catalog (then the integration's own).
     */
    public Optional<BusinessService> namedService(MonitoringEvent event) {
        return Optional.ofNullable(event.labels().get(properties.serviceLabel())).flatMap(catalog::find);
    }

    /** One of the configured severities: as sent, through an alias, or the default. */
    public String normalize(String sent) {
        if (sent == null || sent.isBlank()) {
            return properties.defaultSeverity();
        }
        String lower = sent.strip().toLowerCase(Locale.ROOT);
        if (properties.severities().containsKey(lower)) {
            return lower;
        }
        String alias = properties.severityAliases().get(lower);
        return alias != null ? alias.toLowerCase(Locale.ROOT) : properties.defaultSeverity();
    }

    /** Rank of a severity, 0 = most severe, for picking the worst of several alerts. */
    public int rank(String sent) {
        String severity = normalize(sent);
        for (int i = 0; i < IngestProperties.SEVERITIES.length; i++) {
            if (IngestProperties.SEVERITIES[i].equals(severity)) {
                return i;
            }
        }
        return IngestProperties.SEVERITIES.length;
    }

    /** A label's value as a code, forgiving case and surrounding blanks as monitoring labels have them. */
    private static <E extends Enum<E> & Coded> Optional<E> code(Class<E> type, String label) {
        return Optional.ofNullable(label).flatMap(value -> Coded.find(type, value.strip().toLowerCase(Locale.ROOT)));
    }
}

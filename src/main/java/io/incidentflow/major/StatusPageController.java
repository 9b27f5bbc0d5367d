package io.incidentflow.major;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public status page: every catalog service, and for those with an active major incident the latest
 * update written for impacted users. What people outside IT read instead of calling the service desk;
 * it shows nothing else of the incident.
 */
@RestController
@Hidden
public class StatusPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MajorIncidentService majorIncidents;

    public StatusPageController(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @GetMapping(value = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<MajorIncidentService.ServiceStatus> json() {
        return majorIncidents.serviceStatuses();
    }

    /** Rendered from {@code templates/status.mustache}, which escapes every value it shows. */
    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView html() {
        List<ServiceView> services = majorIncidents.serviceStatuses().stream().map(ServiceView::of).toList();
        boolean allOperational = services.stream().allMatch(ServiceView::operational);
        return new ModelAndView("status", Map.of("allOperational", allOperational, "services", services));
    }

    /** A service as the page shows it: times already in the page's wording. */
    record ServiceView(String serviceId, String name, boolean operational, List<DisruptionView> disruptions) {

        static ServiceView of(MajorIncidentService.ServiceStatus status) {
            return new ServiceView(status.serviceId(), status.name(), status.operational(),
                    status.disruptions().stream().map(DisruptionView::of).toList());
        }
    }

    record DisruptionView(String incidentId, String since, boolean updated, String latestUpdate, String updatedAt) {

        static DisruptionView of(MajorIncidentService.Disruption disruption) {
            boolean updated = disruption.latestUpdate() != null;
            return new DisruptionView(disruption.incidentId(), TIME.format(disruption.since()), updated,
                    updated ? disruption.latestUpdate() : "", updated ? TIME.format(disruption.updatedAt()) : "");
        }
    }
}

package io.incidentflow.major;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

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

    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE)
    public String html() {
        List<MajorIncidentService.ServiceStatus> services = majorIncidents.serviceStatuses();
        boolean allWell = services.stream().allMatch(MajorIncidentService.ServiceStatus::operational);
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="60">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Service status</title>
                <style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em}
                li{list-style:none;border-bottom:1px solid #ddd;padding:.6em 0}.ok{color:#176b2c}
                .down{color:#a8071a;font-weight:bold}.update{margin:.3em 0 0 1em}</style></head><body>
                <h1>Service status</h1>
                """);
        page.append("<p id=\"summary\">").append(allWell ? "All services are operating normally."
                : "Some services are disrupted. There is no need to report them to the service desk.").append("</p><ul>");
        for (MajorIncidentService.ServiceStatus service : services) {
            page.append("<li id=\"service-").append(htmlEscape(service.serviceId())).append("\"><strong>")
                    .append(htmlEscape(service.name())).append("</strong> ");
            if (service.operational()) {
                page.append("<span class=\"ok\">Operational</span>");
            }
            for (MajorIncidentService.Disruption disruption : service.disruptions()) {
                page.append("<span class=\"down\">Major disruption</span> since ")
                        .append(TIME.format(disruption.since())).append(" (").append(htmlEscape(disruption.incidentId()))
                        .append(")<p class=\"update\">");
                if (disruption.latestUpdate() == null) {
                    page.append("We are working to restore the service. Updates follow here.");
                } else {
                    page.append(htmlEscape(disruption.latestUpdate())).append(" <small>(")
                            .append(TIME.format(disruption.updatedAt())).append(")</small>");
                }
                page.append("</p>");
            }
            page.append("</li>");
        }
        return page.append("</ul></body></html>\n").toString();
    }
}

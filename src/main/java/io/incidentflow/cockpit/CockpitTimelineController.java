package io.incidentflow.cockpit;

import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.security.CockpitSessionAuthenticationFilter;
import io.incidentflow.security.Roles;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident timeline for the "Incident timeline" tab of the Cockpit plugin: the same events as
 * {@code GET /api/incidents/{id}/timeline}, for the caller's Cockpit session instead of HTTP Basic
 * ({@link CockpitSessionAuthenticationFilter}). Read-only: this controller has no other method.
 */
@RestController
@RequestMapping("/cockpit-api/incidents")
@Hidden
class CockpitTimelineController {

    private final IncidentService incidents;

    CockpitTimelineController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping(value = "/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Roles.Has.AUDITORS + " or " + Roles.Has.MAJOR_INCIDENT_MANAGERS + " or " + Roles.Has.CAMUNDA_ADMIN)
    public List<IncidentEvent> timeline(@PathVariable String id) {
        return incidents.timeline(id);
    }
}

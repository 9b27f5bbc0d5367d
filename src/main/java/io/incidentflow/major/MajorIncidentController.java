package io.incidentflow.major;

import io.incidentflow.incident.IncidentView;
import io.incidentflow.security.CurrentUser;
import io.incidentflow.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Major incidents", description = "Declare a major incident, run experiments, read stakeholder updates")
public class MajorIncidentController {

    private final MajorIncidentService majorIncidents;

    public MajorIncidentController(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    public record Declaration(@NotBlank @Size(max = 400) String reason) {
    }

    public record Hypothesis(@NotBlank @Size(max = 1000) String hypothesis, @NotBlank @Size(max = 1000) String action) {
    }

    @PostMapping("/major")
    @PreAuthorize(Roles.Has.SERVICE_DESK + " or " + Roles.Has.MAJOR_INCIDENT_MANAGERS
            + " or @majorIncidentAccess.resolverMayDeclare(#id)")
    @Operation(summary = "Declare a major incident", description = "The incident leaves its current step for "
            + "major incident triage. Allowed for the service desk, the incident's resolver group and major incident "
            + "managers (403 otherwise); 409 when the incident is already major or no longer being restored.")
    public ResponseEntity<IncidentView> declare(@PathVariable String id, @Valid @RequestBody Declaration declaration,
                                                CurrentUser user) {
        return ResponseEntity.accepted().body(IncidentView.of(majorIncidents.declare(id, declaration.reason(), user)));
    }

    @PostMapping("/experiments")
    @PreAuthorize(Roles.Has.SERVICE_DESK + " or " + Roles.Has.TRIAGE_TEAM + " or " + Roles.Has.MAJOR_INCIDENT_MANAGERS
            + " or @majorIncidentAccess.resolverMayPropose(#id)")
    @Operation(summary = "Propose a hypothesis", description = "Starts an experiment task (hypothesis, action, "
            + "outcome) beside any others; only while the major incident is active (409 otherwise). For responders: "
            + "the incident's resolver group, the service desk, the triage team and major incident managers.")
    public ResponseEntity<Experiment> propose(@PathVariable String id, @Valid @RequestBody Hypothesis hypothesis) {
        Experiment experiment = majorIncidents.proposeExperiment(id, hypothesis.hypothesis(), hypothesis.action());
        return ResponseEntity.created(URI.create("/api/incidents/" + id + "/experiments")).body(experiment);
    }

    @GetMapping("/experiments")
    @Operation(summary = "The incident's experiments and their outcomes")
    public List<Experiment> experiments(@PathVariable String id) {
        return majorIncidents.experiments(id);
    }

    @GetMapping("/updates")
    @Operation(summary = "Stakeholder updates sent for the incident, per audience, oldest first")
    public List<StakeholderUpdate> updates(@PathVariable String id) {
        return majorIncidents.updates(id);
    }
}

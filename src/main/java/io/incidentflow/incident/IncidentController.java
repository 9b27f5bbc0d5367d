package io.incidentflow.incident;

import io.incidentflow.incident.IncidentService.IncidentFilter;
import io.incidentflow.web.CsvCell;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Log incidents and follow them through the three tiers")
public class IncidentController {

    private final IncidentIntake intake;
    private final IncidentService incidents;

    public IncidentController(IncidentIntake intake, IncidentService incidents) {
        this.intake = intake;
        this.incidents = incidents;
    }

    @PostMapping
    @Operation(summary = "Log an incident", description = "Starts the incident process; the answer holds the "
            + "incident with its priority and SLA due dates. Bad input is answered with 400 naming each field.")
    public ResponseEntity<IncidentView> log(@Valid @RequestBody NewIncident incident) {
        Incident logged = intake.log(incident, IncidentSource.API);
        return ResponseEntity.created(URI.create("/api/incidents/" + logged.getId())).body(IncidentView.of(logged));
    }

    @GetMapping
    @Operation(summary = "Incidents, newest first, filtered by state, tier, priority and service")
    public List<IncidentView> list(@RequestParam(required = false) IncidentState state,
                                   @RequestParam(required = false) IncidentTier tier,
                                   @RequestParam(required = false) Priority priority,
                                   @RequestParam(required = false) String service,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return incidents.search(new IncidentFilter(state, tier, priority, service),
                        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")))
                .stream().map(IncidentView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident")
    public IncidentView one(@PathVariable String id) {
        return IncidentView.of(incidents.get(id));
    }

    @GetMapping(value = "/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What happened to the incident, when and by whom (JSON, or CSV with Accept: text/csv)")
    public List<IncidentEvent> timeline(@PathVariable String id) {
        return incidents.timeline(id);
    }

    @GetMapping(value = "/{id}/timeline", produces = "text/csv")
    public ResponseEntity<String> timelineCsv(@PathVariable String id) {
        String rows = incidents.timeline(id).stream()
                .map(e -> String.join(",", e.getOccurredAt().toString(), CsvCell.of(e.getType()), CsvCell.of(e.getActor()),
                        CsvCell.of(e.getDetail())))
                .collect(Collectors.joining("\r\n", "occurredAt,type,actor,detail\r\n", "\r\n"));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + id + "-timeline.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(rows);
    }
}

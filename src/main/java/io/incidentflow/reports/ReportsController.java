package io.incidentflow.reports;

import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Priority;
import io.incidentflow.reports.RestorationMetrics.Durations;
import io.incidentflow.reports.RestorationMetrics.Metrics;
import io.incidentflow.reports.RestorationMetrics.Rate;
import io.incidentflow.reports.RestorationMetrics.Scope;
import io.incidentflow.security.Roles;
import io.incidentflow.web.CsvCell;
import io.incidentflow.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Restoration metrics from the recorded times of incidents")
@PreAuthorize(Roles.Has.AUDITORS + " or " + Roles.Has.MAJOR_INCIDENT_MANAGERS + " or " + Roles.Has.CAMUNDA_ADMIN)
public class ReportsController {

    private final RestorationMetrics metrics;
    private final ServiceCatalog catalog;

    public ReportsController(RestorationMetrics metrics, ServiceCatalog catalog) {
        this.metrics = metrics;
        this.catalog = catalog;
    }

    @GetMapping(value = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restoration metrics of the incidents logged in [from, to) (JSON, or CSV with Accept: text/csv)",
            description = "Times to acknowledge, engage, join the bridge and restore (median and p90 in seconds), SLA "
                    + "breach and reopen rates, mean time between failures per service, DR invocations and RTO met "
                    + "or missed. Definitions in the README, section \"Restoration metrics\".")
    public Metrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String service,
                           @RequestParam(required = false) Priority priority,
                           @RequestParam(required = false) IncidentTier tier) {
        return metrics.compute(scope(from, to, service, priority, tier));
    }

    @GetMapping(value = "/metrics", produces = "text/csv")
    public ResponseEntity<String> metricsCsv(@RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String service,
                                             @RequestParam(required = false) Priority priority,
                                             @RequestParam(required = false) IncidentTier tier) {
        Metrics computed = metrics.compute(scope(from, to, service, priority, tier));
        String body = rows(computed).stream().map(row -> String.join(",", CsvCell.of(row[0]), CsvCell.of(row[1])))
                .collect(Collectors.joining("\r\n", "metric,value\r\n", "\r\n"));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"restoration-metrics.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(body);
    }

    private Scope scope(String from, String to, String service, Priority priority, IncidentTier tier) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("to", "must be after from (" + from + ")");
        }
        if (service != null && catalog.find(service).isEmpty()) {
            throw new InvalidInputException("service", "unknown service '" + service + "' (see GET /api/services)");
        }
        return new Scope(start, end, service, priority, tier);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z");
        }
    }

    /** The figures as (metric, value) lines, in the order of the JSON; an empty value is "no data". */
    private static List<String[]> rows(Metrics m) {
        List<String[]> rows = new ArrayList<>();
        Scope scope = m.scope();
        add(rows, "from", scope.from());
        add(rows, "to", scope.to());
        add(rows, "service", scope.service());
        add(rows, "priority", scope.priority());
        add(rows, "tier", scope.tier());
        add(rows, "incidents", m.incidents());
        m.byPriority().forEach((priority, count) -> add(rows, "byPriority." + priority, count));
        m.byTier().forEach((tier, count) -> add(rows, "byTier." + tier, count));
        durations(rows, "timeToAcknowledge", m.timeToAcknowledge());
        durations(rows, "timeToEngage", m.timeToEngage());
        durations(rows, "timeToJoinBridge", m.timeToJoinBridge());
        durations(rows, "timeToRestore", m.timeToRestore());
        rate(rows, "slaResponseBreached", m.slaResponseBreached());
        rate(rows, "slaResolutionBreached", m.slaResolutionBreached());
        rate(rows, "reopened", m.reopened());
        m.meanTimeBetweenFailures().forEach(f -> {
            add(rows, "meanTimeBetweenFailures." + f.service() + ".incidents", f.incidents());
            add(rows, "meanTimeBetweenFailures." + f.service() + ".meanSecondsBetween", f.meanSecondsBetween());
        });
        add(rows, "continuity.invocations", m.continuity().invocations());
        add(rows, "continuity.rtoMet", m.continuity().rtoMet());
        add(rows, "continuity.rtoMissed", m.continuity().rtoMissed());
        return rows;
    }

    private static void durations(List<String[]> rows, String name, Durations d) {
        add(rows, name + ".count", d.count());
        add(rows, name + ".medianSeconds", d.medianSeconds());
        add(rows, name + ".p90Seconds", d.p90Seconds());
    }

    private static void rate(List<String[]> rows, String name, Rate r) {
        add(rows, name + ".count", r.count());
        add(rows, name + ".of", r.of());
        add(rows, name + ".rate", r.rate());
    }

    private static void add(List<String[]> rows, String metric, Object value) {
        rows.add(new String[] {metric, value == null ? "" : Objects.toString(value)});
    }
}

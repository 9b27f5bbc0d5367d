package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentProperties;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.SlaTargets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Start SLA clocks": turns the priority decision's targets into the due dates the timers wait for, and
 * decides by the priority whether functional escalation pages the resolver group.
 */
@Component
public class StartSlaClocksDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final IncidentProperties properties;

    public StartSlaClocksDelegate(IncidentService incidents, IncidentProperties properties) {
        this.incidents = incidents;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> decision = PRIORITY_DECISION.get(execution);
        Priority priority = Priority.valueOf((String) decision.get("priority"));
        SlaTargets targets = incidents.prioritize(INCIDENT_ID.get(execution), priority,
                minutes(decision, "responseMinutes"), minutes(decision, "resolutionMinutes"));
        PRIORITY.set(execution, priority.name());
        RESPONSE_WARNING_AT.set(execution, Date.from(targets.responseWarningAt()));
        RESPONSE_DUE_AT.set(execution, Date.from(targets.responseDueAt()));
        RESOLUTION_WARNING_AT.set(execution, Date.from(targets.resolutionWarningAt()));
        RESOLUTION_DUE_AT.set(execution, Date.from(targets.resolutionDueAt()));
        RESOLUTION_ESCALATION_AT.set(execution, Date.from(targets.resolutionDueAt()));
        RESPONDED.set(execution, false);
        RESOLVER_GROUP_PAGED.set(execution, properties.pagedPriorities().contains(priority));
    }

    static Duration minutes(Map<String, Object> decision, String output) {
        Object value = decision.get(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Decision incident-priority gave no number for '" + output + "'");
        }
        return Duration.ofMinutes(number.longValue());
    }
}

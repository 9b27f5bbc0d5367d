package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentProperties;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.SlaTargets;
import java.util.Date;
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
        PriorityDecision decision = PriorityDecision.of(execution);
        Priority priority = decision.priority();
        SlaTargets targets = incidents.prioritize(INCIDENT_ID.get(execution), priority,
                decision.responseTarget(), decision.resolutionTarget());
        PRIORITY.set(execution, priority.name());
        RESPONSE_WARNING_AT.set(execution, Date.from(targets.responseWarningAt()));
        RESPONSE_DUE_AT.set(execution, Date.from(targets.responseDueAt()));
        RESOLUTION_WARNING_AT.set(execution, Date.from(targets.resolutionWarningAt()));
        RESOLUTION_DUE_AT.set(execution, Date.from(targets.resolutionDueAt()));
        RESOLUTION_ESCALATION_AT.set(execution, Date.from(targets.resolutionDueAt()));
        RESPONDED.set(execution, false);
        RESOLVER_GROUP_PAGED.set(execution, properties.pagedPriorities().contains(priority));
    }
}

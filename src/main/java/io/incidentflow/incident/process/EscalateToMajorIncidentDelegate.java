package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the incident to major incident management (input parameter {@code escalationReason}). A hold
 * ends here: major incident management does not wait for the caller or the vendor, and the SLA clock
 * runs again, with the time on hold added back, should triage send the incident back.
 */
@Component
public class EscalateToMajorIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final SlaClockControl clock;

    public EscalateToMajorIncidentDelegate(IncidentService incidents, SlaClockControl clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = INCIDENT_ID.get(execution);
        if (incidents.get(id).getState() == IncidentState.ON_HOLD) {
            clock.resume(execution);
        }
        String reason = ESCALATION_REASON.getLocal(execution);
        incidents.escalateToMajor(id, reason);
        MAJOR_REASON.set(execution, reason);
    }
}

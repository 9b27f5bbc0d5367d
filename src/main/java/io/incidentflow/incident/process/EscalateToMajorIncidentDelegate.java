package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands the incident to major incident management (input parameter {@code escalationReason}). */
@Component
public class EscalateToMajorIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public EscalateToMajorIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.escalateToMajor(INCIDENT_ID.get(execution), ESCALATION_REASON.getLocal(execution));
    }
}

package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Deactivate": triage found it is not a major incident; the incident process takes it back. */
@Component
public class DeactivateMajorIncidentDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public DeactivateMajorIncidentDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.deactivate(INCIDENT_ID.get(execution), TRIAGE_NOTES.find(execution).orElse(null));
        MAJOR_OUTCOME.set(execution, MajorOutcome.DEACTIVATED.code());
    }
}

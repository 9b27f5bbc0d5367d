package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.TRIAGE_TIME_BOX;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Open triage": notes when triage must have decided and sets that time box for its timer. */
@Component
public class OpenTriageDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public OpenTriageDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TRIAGE_TIME_BOX.set(execution, majorIncidents.openTriage(INCIDENT_ID.get(execution)).toString());
    }
}

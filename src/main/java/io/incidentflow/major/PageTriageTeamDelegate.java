package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Page the triage team". */
@Component
public class PageTriageTeamDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public PageTriageTeamDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.pageTriageTeam(INCIDENT_ID.get(execution));
    }
}

package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record roles": checks that the commander and communications lead are users. */
@Component
public class AssignMajorIncidentRolesDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public AssignMajorIncidentRolesDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.assignRoles(INCIDENT_ID.get(execution), INCIDENT_COMMANDER.get(execution),
                COMMUNICATIONS_LEAD.get(execution));
    }
}

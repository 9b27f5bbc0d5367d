package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Escalate the overdue decision": on the timeline, and whom to page for it. */
@Component
public class EscalateOverdueContinuityDecisionDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public EscalateOverdueContinuityDecisionDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CRISIS_TEAM.set(execution, majorIncidents.escalateOverdueContinuityDecision(INCIDENT_ID.get(execution)));
    }
}

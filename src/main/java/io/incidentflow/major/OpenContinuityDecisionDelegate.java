package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.incident.process.IncidentVariables.SERVICE_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Open the continuity decision": its due date, and the incident's service proposed for continuity. */
@Component
public class OpenContinuityDecisionDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public OpenContinuityDecisionDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DECISION_DUE_AT.set(execution, Date.from(majorIncidents.openContinuityDecision(INCIDENT_ID.get(execution))));
        // asked again, the manager starts from an empty decision but keeps the services chosen before
        CONTINUITY_SERVICES.set(execution, CONTINUITY_SERVICES.find(execution).orElse(SERVICE_ID.get(execution)));
        CONTINUITY_DECISION.set(execution, null);
        TIME_BOX_EXTENSION_HOURS.set(execution, null);
    }
}

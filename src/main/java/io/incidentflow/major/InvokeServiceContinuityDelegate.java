package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Invoke service continuity": starts service continuity for the services the continuity manager chose, as
 * an instance of its own; the case then waits for what it reports.
 */
@Component
public class InvokeServiceContinuityDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public InvokeServiceContinuityDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.invokeContinuity(INCIDENT_ID.get(execution), CONTINUITY_SERVICES.find(execution).orElse(null));
    }
}

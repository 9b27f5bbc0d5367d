package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.incident.process.IncidentVariables.SERVICE_ID;

import io.incidentflow.continuity.ContinuityVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Invoke service continuity": the incident's service and the reason, as the continuity process takes them. */
@Component
public class InvokeServiceContinuityDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public InvokeServiceContinuityDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a mutable list: the engine stores it as JSON and must read it back
        ContinuityVariables.SERVICE_IDS.set(execution, new ArrayList<>(List.of(SERVICE_ID.get(execution))));
        ContinuityVariables.INVOCATION_REASON.set(execution, majorIncidents.continuityReason(INCIDENT_ID.get(execution)));
    }
}

package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the incident (input parameter {@code closure}: confirmed by the caller, or auto). */
@Component
public class CloseIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public CloseIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.close(INCIDENT_ID.get(execution), CLOSURE.getLocal(execution));
    }
}

package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.common.Coded;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.ResolutionType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record resolution": the fix or workaround that restored service. */
@Component
public class RecordResolutionDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public RecordResolutionDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.resolve(INCIDENT_ID.get(execution), Coded.fromCode(ResolutionType.class, RESOLUTION_TYPE.get(execution)),
                RESOLUTION_NOTES.get(execution));
    }
}

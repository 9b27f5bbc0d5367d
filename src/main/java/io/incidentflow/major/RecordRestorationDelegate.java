package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;
import static io.incidentflow.incident.process.IncidentVariables.RESOLUTION_NOTES;
import static io.incidentflow.incident.process.IncidentVariables.RESOLUTION_TYPE;

import io.incidentflow.common.Coded;
import io.incidentflow.incident.ResolutionType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record restoration": the incident is resolved, every audience is told. */
@Component
public class RecordRestorationDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public RecordRestorationDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.restore(INCIDENT_ID.get(execution),
                Coded.fromCode(ResolutionType.class, RESOLUTION_TYPE.get(execution)), RESOLUTION_NOTES.get(execution));
        MAJOR_OUTCOME.set(execution, MajorOutcome.RESTORED.code());
    }
}

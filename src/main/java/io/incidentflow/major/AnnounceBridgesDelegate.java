package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Open and announce bridges". */
@Component
public class AnnounceBridgesDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public AnnounceBridgesDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.announceBridges(INCIDENT_ID.get(execution));
    }
}

package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Extend the time box": the continuity decision is asked again at the new deadline. */
@Component
public class ExtendTimeBoxDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public ExtendTimeBoxDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant endsAt = majorIncidents.extendTimeBox(INCIDENT_ID.get(execution),
                TIME_BOX_EXTENSION_HOURS.find(execution).orElse(null));
        TIME_BOX_ENDS_AT.set(execution, Date.from(endsAt));
    }
}

package io.incidentflow.major;

import io.incidentflow.notify.Audience;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Publish stakeholder update": sends each audience its text. */
@Component
public class PublishStakeholderUpdateDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public PublishStakeholderUpdateDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<Audience, String> texts = new EnumMap<>(Audience.class);
        UPDATE_TEXTS.forEach((audience, text) -> texts.put(audience, text.get(execution)));
        majorIncidents.publishUpdate(INCIDENT_ID.get(execution), texts);
    }
}

package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.common.Coded;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that a target was missed (input parameter {@code slaClock}); a page of the accountable group's lead follows it in the model. */
@Component
public class RecordSlaBreachDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public RecordSlaBreachDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.recordBreach(INCIDENT_ID.get(execution), Coded.fromCode(SlaClock.class, SLA_CLOCK.getLocal(execution)));
    }
}

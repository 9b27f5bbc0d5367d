package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.CALLER_ANSWER;
import static io.incidentflow.incident.process.IncidentVariables.CALLER_COMMENT;
import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;

import io.incidentflow.incident.IncidentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Reopen the major incident": the caller says it is not fixed, so the case is worked again. */
@Component
public class ReopenMajorIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public ReopenMajorIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.reopenMajor(INCIDENT_ID.get(execution), CALLER_COMMENT.find(execution).orElse(null));
        // the caller is asked afresh after the next restoration
        execution.removeVariable(CALLER_ANSWER.name());
        execution.removeVariable(CALLER_COMMENT.name());
    }
}

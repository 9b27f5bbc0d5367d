package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The response clock stops when someone from the service desk takes the diagnosis task. */
@Component
public class RecordResponseListener implements TaskListener {

    private final IncidentService incidents;

    public RecordResponseListener(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null) {
            incidents.recordResponse(INCIDENT_ID.get(task));
            RESPONDED.set(task, true);
        }
    }
}

package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step of "Propose a hypothesis" (Tasklist start form): starts an experiment in the major incident. */
@Component
public class ProposeHypothesisDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public ProposeHypothesisDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.proposeExperiment(INCIDENT_ID.get(execution), HYPOTHESIS.get(execution),
                EXPERIMENT_ACTION.get(execution));
    }
}

package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;
import io.incidentflow.common.Coded;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record experiment outcome", in the run of the experiment sub-process it belongs to. */
@Component
public class RecordExperimentOutcomeDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public RecordExperimentOutcomeDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        majorIncidents.recordExperimentOutcome(EXPERIMENT_ID.get(execution).longValue(),
                Coded.fromCode(ExperimentOutcome.class, EXPERIMENT_OUTCOME.get(execution)),
                EXPERIMENT_FINDINGS.get(execution));
    }
}

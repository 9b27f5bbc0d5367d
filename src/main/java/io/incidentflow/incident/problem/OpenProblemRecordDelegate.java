package io.incidentflow.incident.problem;

import io.incidentflow.incident.process.IncidentVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Open follow-up problem record" of the incident process, after a workaround. */
@Component
public class OpenProblemRecordDelegate implements JavaDelegate {

    private final ProblemService problems;

    public OpenProblemRecordDelegate(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        problems.openFor(IncidentVariables.INCIDENT_ID.get(execution));
    }
}

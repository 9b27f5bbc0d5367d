package io.incidentflow.incident.problem;

import static io.incidentflow.incident.problem.ProblemVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the problem record with the permanent fix the resolver group entered. */
@Component
public class RecordPermanentFixDelegate implements JavaDelegate {

    private final ProblemService problems;

    public RecordPermanentFixDelegate(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        problems.recordFix(PROBLEM_ID.get(execution), PERMANENT_FIX.get(execution),
                CHANGE_REFERENCE.find(execution).orElse(null));
    }
}

package io.incidentflow.incident.problem;

import static io.incidentflow.incident.problem.ProblemVariables.PROBLEM_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the resolver group that a workaround still waits for its permanent fix. */
@Component
public class SendProblemReminderDelegate implements JavaDelegate {

    private final ProblemService problems;

    public SendProblemReminderDelegate(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        problems.remind(PROBLEM_ID.get(execution));
    }
}

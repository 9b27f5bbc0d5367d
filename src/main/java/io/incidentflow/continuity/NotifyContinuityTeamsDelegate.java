package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Notify crisis and business continuity teams" once the invocation is approved. */
@Component
public class NotifyContinuityTeamsDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public NotifyContinuityTeamsDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.approve(invocation(execution));
    }
}

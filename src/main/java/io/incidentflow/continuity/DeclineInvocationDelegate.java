package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record declined invocation": the continuity manager did not approve; an incident goes back to Tier 2. */
@Component
public class DeclineInvocationDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public DeclineInvocationDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.decline(invocation(execution), APPROVAL_COMMENT.find(execution).orElse(null));
        CONTINUITY_OUTCOME.set(execution, OUTCOME_DECLINED);
    }
}

package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Assess recovery strategy": decision recovery-strategy for every affected service, for the approver. */
@Component
public class AssessRecoveryStrategyDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public AssessRecoveryStrategyDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RECOVERY_ASSESSMENT.set(execution, continuity.assess(invocation(execution)));
    }
}

package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import io.incidentflow.engine.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Assess recovery strategy": decision recovery-strategy for every affected service, for the approver, and
 * when the approval is due (incidentflow.continuity.approval-time from now).
 */
@Component
public class AssessRecoveryStrategyDelegate implements JavaDelegate {

    private final ContinuityService continuity;
    private final ContinuityProperties properties;

    public AssessRecoveryStrategyDelegate(ContinuityService continuity, ContinuityProperties properties) {
        this.continuity = continuity;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RECOVERY_ASSESSMENT.set(execution, continuity.assess(invocation(execution)));
        APPROVAL_DUE_AT.set(execution, Date.from(EngineClock.now().plus(properties.approvalTime())));
    }
}

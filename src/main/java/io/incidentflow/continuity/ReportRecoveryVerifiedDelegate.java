package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Report verified recovery", once per invocation after every affected service was verified at the recovery
 * site: the major incident hears of it (its restoration time) while continuity goes on to failback and review.
 */
@Component
public class ReportRecoveryVerifiedDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public ReportRecoveryVerifiedDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.recoveryVerified(invocation(execution));
    }
}

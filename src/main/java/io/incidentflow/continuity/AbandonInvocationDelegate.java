package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Record abandoned invocation": a failover was given up (by the DR team, or after too many failed
 * attempts). Crisis management is paged next; the post-DR review still takes place.
 */
@Component
public class AbandonInvocationDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public AbandonInvocationDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the page to crisis management quotes the reason, so it must not stay empty
        String reason = ABANDON_REASON.find(execution).filter(r -> !r.isBlank()).orElse("no reason given");
        continuity.abandon(invocation(execution), reason);
        ABANDON_REASON.set(execution, reason);
        CONTINUITY_OUTCOME.set(execution, OUTCOME_ABANDONED);
    }
}

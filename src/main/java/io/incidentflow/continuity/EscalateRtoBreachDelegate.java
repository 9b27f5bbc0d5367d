package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Escalate to crisis management": one service missed its RTO; its failover goes on. */
@Component
public class EscalateRtoBreachDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public EscalateRtoBreachDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.escalateRtoBreach(invocation(execution), SERVICE_ID.get(execution),
                RTO_DUE_AT.get(execution).toInstant());
    }
}

package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import io.incidentflow.engine.EngineClock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Start RTO clock" of one affected service: its recovery plan, who verifies it, and when its RTO
 * runs out, counted from the decision to invoke (Tier 2's decision, or the start of a direct invocation), so
 * the time the approval took counts too. The variables are local to the service's instance of "Recover service".
 */
@Component
public class StartRtoClockDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public StartRtoClockDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryAssessment assessment = continuity.assess(SERVICE_ID.get(execution));
        SERVICE_NAME.set(execution, assessment.service().getName());
        RESOLVER_GROUP.set(execution, assessment.service().getResolverGroup());
        RECOVERY_PLAN.set(execution, assessment.summary());
        // instances registered before invocationDecidedAt existed count from their failover, as they did then
        Instant decidedAt = INVOCATION_DECIDED_AT.find(execution).map(Date::toInstant).orElseGet(EngineClock::now);
        RTO_DUE_AT.set(execution, Date.from(assessment.deadline(decidedAt)));
    }
}

package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Record failed failover" of one affected service: counts the failovers that did not work; when they reach
 * incidentflow.continuity.max-failed-failovers, no attempt is left and the invocation is abandoned.
 */
@Component
public class RecordFailedFailoverDelegate implements JavaDelegate {

    private final ContinuityService continuity;
    private final ContinuityProperties properties;

    public RecordFailedFailoverDelegate(ContinuityService continuity, ContinuityProperties properties) {
        this.continuity = continuity;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int failed = FAILED_FAILOVERS.find(execution).map(Number::intValue).orElse(0) + 1;
        int max = properties.maxFailedFailovers();
        String serviceId = SERVICE_ID.get(execution);
        String notes = VERIFICATION_NOTES.find(execution).orElse(null);
        continuity.failoverFailed(invocation(execution), serviceId, failed, max, notes);
        FAILED_FAILOVERS.set(execution, failed);
        FAILOVER_ATTEMPTS_LEFT.set(execution, failed < max);
        if (failed >= max) {
            ABANDON_REASON.set(execution, serviceId + " did not work at the recovery site after " + failed
                    + " failovers" + (notes == null || notes.isBlank() ? "" : " (last check: " + notes + ")"));
        }
    }
}
